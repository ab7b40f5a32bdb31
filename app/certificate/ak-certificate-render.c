/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ak-certificate-render.h"

/* A4 in PostScript points. */
#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89
#define MARGIN 56.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
/* Below this, the theses list stops and says how many were left out. */
#define THESES_BOTTOM (PAGE_HEIGHT - 142.0)

typedef struct
{
  double r, g, b;
} Colour;

static const Colour ink = { 0.13, 0.14, 0.17 };
static const Colour accent = { 0.11, 0.30, 0.45 };
static const Colour muted = { 0.38, 0.40, 0.44 };

/* Without ligatures, the page's text copies and searches as it reads
 * ("fi", not "ﬁ"). */
static PangoLayout *
create_layout (cairo_t    *cr,
               const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("liga 0, clig 0"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

/* Draws @text at @y in at most @max_lines lines, the last one shortened
 * with "…" when it does not fit, and returns its height. */
static double
draw_text (cairo_t        *cr,
           const char     *font,
           const Colour   *colour,
           PangoAlignment  alignment,
           int             max_lines,
           double          x,
           double          y,
           double          width,
           const char     *text)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, font);
  int height;

  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);

  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* One line, shortened with "…" where it does not fit. */
static double
draw_line (cairo_t      *cr,
           const char   *font,
           const Colour *colour,
           double        x,
           double        y,
           double        width,
           const char   *text)
{
  return draw_text (cr, font, colour, PANGO_ALIGN_LEFT, 1, x, y, width, text);
}

static void
draw_rule (cairo_t      *cr,
           const Colour *colour,
           double        y,
           double        half_width)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, PAGE_WIDTH / 2 - half_width, y);
  cairo_line_to (cr, PAGE_WIDTH / 2 + half_width, y);
  cairo_stroke (cr);
}

static void
draw_frame (cairo_t *cr)
{
  cairo_set_source_rgb (cr, accent.r, accent.g, accent.b);
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, 28, 28, PAGE_WIDTH - 56, PAGE_HEIGHT - 56);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, 34, 34, PAGE_WIDTH - 68, PAGE_HEIGHT - 68);
  cairo_stroke (cr);
}

/* The theses in one or two columns, depending on how many there are;
 * those that do not fit are counted at the end. */
static void
draw_theses (cairo_t           *cr,
             const char *const *theses,
             double             y)
{
  guint n = theses != NULL ? g_strv_length ((char **)theses) : 0;
  guint columns = n > 10 ? 2 : 1;
  double gap = 18.0;
  double column_width = (TEXT_WIDTH - (columns - 1) * gap) / columns;
  const char *font = columns == 2 ? "Sans 8" : "Sans 10";
  double line_height;
  guint per_column;
  guint n_shown;

  if (n == 0)
    return;

  y += draw_text (cr, "Serif Bold 12", &accent, PANGO_ALIGN_LEFT, 2, MARGIN, y,
                  TEXT_WIDTH, _("Theses covered"));
  y += 6;

  line_height = columns == 2 ? 11.5 : 15.0;
  per_column = (guint)MAX (1, (THESES_BOTTOM - y) / line_height);
  n_shown = MIN (n, per_column * columns);
  /* Room for the count of those left out. */
  if (n_shown < n)
    n_shown--;
  per_column = (n_shown + columns - 1) / columns;

  for (guint i = 0; i < n_shown; i++)
    {
      guint column = i / per_column;
      double x = MARGIN + column * (column_width + gap);
      double row_y = y + (i % per_column) * line_height;

      draw_line (cr, font, &accent, x, row_y, 10, "•");
      draw_line (cr, font, &ink, x + 10, row_y, column_width - 10, theses[i]);
    }
  if (n_shown < n)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more thesis",
                                                            "and %u more theses",
                                                            n - n_shown),
                                               n - n_shown);

      draw_line (cr, font, &muted, MARGIN + 10, y + per_column * line_height, TEXT_WIDTH, more);
    }
}

static void
draw_page (cairo_t                    *cr,
           const AkCertificateContent *content)
{
  const AkCertificateRecord *record = content->record;
  g_autofree char *date = ak_certificate_format_date (record->date);
  g_autofree char *score = NULL;
  g_autofree char *passed = NULL;
  g_autofree char *check = NULL;
  double y = 64;

  draw_frame (cr);

  /* Translators: the issuer printed at the top of a certificate */
  y += draw_text (cr, "Sans Bold 11", &accent, PANGO_ALIGN_CENTER, 2, MARGIN, y, TEXT_WIDTH,
                  _("AKADEMIE"));
  y += draw_text (cr, "Sans 9", &muted, PANGO_ALIGN_CENTER, 2, MARGIN, y, TEXT_WIDTH,
                  _("Social media in business and everyday life"));
  y += 12;
  draw_rule (cr, &accent, y, 60);
  y += 22;

  y += draw_text (cr, "Serif 24", &ink, PANGO_ALIGN_CENTER, 2, MARGIN, y, TEXT_WIDTH,
                  _("Certificate of Participation"));
  y += 22;

  y += draw_text (cr, "Serif Italic 12", &muted, PANGO_ALIGN_CENTER, 2, MARGIN, y,
                  TEXT_WIDTH, _("This is to certify that"));
  y += 12;
  y += draw_text (cr, "Serif Bold 26", &accent, PANGO_ALIGN_CENTER, 2, MARGIN, y,
                  TEXT_WIDTH, record->learner_name);
  y += 12;
  y += draw_text (cr, "Serif Italic 12", &muted, PANGO_ALIGN_CENTER, 2, MARGIN, y,
                  TEXT_WIDTH, _("has completed the course"));
  y += 10;
  y += draw_text (cr, "Serif Bold 17", &ink, PANGO_ALIGN_CENTER, 3, MARGIN, y, TEXT_WIDTH,
                  content->course_title);
  y += 12;

  /* Translators: a score in percent: "87 %" in German */
  score = g_strdup_printf (_("%u%%"), record->score);
  /* Translators: on a certificate: "passing “Abschlussprüfung” with 87 % of the
   * points on 23.11.2026." */
  passed = g_strdup_printf (_("passing “%s” with %s of the points on %s."),
                            content->quiz_title, score, date);
  y += draw_text (cr, "Serif 12", &ink, PANGO_ALIGN_CENTER, 3, MARGIN, y, TEXT_WIDTH,
                  passed);
  y += 16;
  draw_rule (cr, &muted, y, TEXT_WIDTH / 2);
  y += 14;

  draw_theses (cr, (const char *const *)content->theses, y);

  /* The verification block at the foot of the page. */
  y = PAGE_HEIGHT - 124;
  draw_rule (cr, &muted, y, TEXT_WIDTH / 2);
  y += 10;
  y += draw_text (cr, "Sans 8", &muted, PANGO_ALIGN_CENTER, 2, MARGIN, y, TEXT_WIDTH,
                  _("Verification hash (SHA-256 over course, version, quiz, name, score and "
                    "date):"));
  y += 2;
  y += draw_text (cr, "Monospace 7.5", &ink, PANGO_ALIGN_CENTER, 2, MARGIN, y, TEXT_WIDTH,
                  content->hash);
  y += 2;
  /* Translators: %s is the command, "akademie --verify-certificate FILE.pdf" */
  check = g_strdup_printf (_("Checked on the learner’s computer with “%s”."),
                           "akademie --verify-certificate FILE.pdf");
  draw_text (cr, "Sans 7.5", &muted, PANGO_ALIGN_CENTER, 2, MARGIN, y, TEXT_WIDTH, check);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ak_certificate_render:
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL with @error set
 */
GBytes *
ak_certificate_render (const AkCertificateContent *content,
                       GError                    **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *keywords = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (content != NULL && content->record != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  /* PDF 1.4 has no object streams: the keywords stay readable as they
   * are, for ak_certificate_pdf_read(). */
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_4);

  keywords = ak_certificate_record_to_keywords (content->record);
  /* Translators: the subject of a certificate's PDF: "course title – learner's name" */
  subject = g_strdup_printf (_("%s – %s"), content->course_title, content->record->learner_name);
  creator = g_strdup_printf ("Akademie %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Certificate of Participation"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, _("Akademie"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);

  cr = cairo_create (surface);
  draw_page (cr, content);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is cairo's own description of the problem */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The certificate could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/**
 * ak_certificate_render_to_file:
 *
 * Renders the certificate and replaces @file with it, so that a failure
 * leaves an older file as it was.
 */
gboolean
ak_certificate_render_to_file (const AkCertificateContent *content,
                               GFile                      *file,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  pdf = ak_certificate_render (content, error);
  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}
