/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ak-diagnostic.h"

G_DEFINE_BOXED_TYPE (AkDiagnostic, ak_diagnostic, ak_diagnostic_copy, ak_diagnostic_free)

/* Characters that end a line or reorder the text around them where a
 * message is shown: a terminal, an editor's list of problems, a label. */
static gboolean
must_escape (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||    /* C0, DEL, C1 (with NEL) */
         c == 0x2028 || c == 0x2029 ||                /* line and paragraph separators */
         c == 0x061C || c == 0x200E || c == 0x200F || /* bidi marks */
         (c >= 0x202A && c <= 0x202E) ||              /* bidi embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069);                /* bidi isolates */
}

/**
 * ak_diagnostic_escape:
 *
 * Makes text from a course file safe to show as part of one line: valid
 * UTF-8, with every control, line-breaking and bidi character written as
 * an escape such as `\n` or `\u202E`. Escaping twice changes nothing
 * more, as the result holds none of them.
 *
 * Returns: (transfer full): the escaped text
 */
char *
ak_diagnostic_escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *escaped = NULL;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!must_escape (c))
        {
          if (escaped != NULL)
            g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
          continue;
        }
      if (escaped == NULL)
        escaped = g_string_new_len (valid, p - valid);
      if (c == '\n')
        g_string_append (escaped, "\\n");
      else if (c == '\r')
        g_string_append (escaped, "\\r");
      else if (c == '\t')
        g_string_append (escaped, "\\t");
      else
        g_string_append_printf (escaped, "\\u%04X", c);
    }
  if (escaped == NULL)
    return g_steal_pointer (&valid);
  return g_string_free (escaped, FALSE);
}

AkDiagnostic *
ak_diagnostic_new (const char *file,
                   guint       line,
                   guint       column,
                   AkSeverity  severity,
                   const char *message)
{
  AkDiagnostic *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (AkDiagnostic, 1);
  self->file = g_strdup (file);
  self->line = line;
  self->column = column;
  self->severity = severity;
  /* Messages quote the file, which may hold anything: escaped here, once
   * for every message and every way it is shown. */
  self->message = ak_diagnostic_escape (message);
  return self;
}

AkDiagnostic *
ak_diagnostic_copy (const AkDiagnostic *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ak_diagnostic_new (self->file, self->line, self->column, self->severity, self->message);
}

void
ak_diagnostic_free (AkDiagnostic *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->message);
  g_free (self);
}

/**
 * ak_diagnostic_to_string:
 *
 * Formats @self the way compilers do, `file:line:column: error: message`,
 * so that editors and terminals can jump to the place.
 *
 * Returns: (transfer full): the formatted diagnostic
 */
char *
ak_diagnostic_to_string (const AkDiagnostic *self)
{
  g_autofree char *file = NULL;
  const char *severity;

  g_return_val_if_fail (self != NULL, NULL);

  /* A file name can hold a line break too. */
  file = ak_diagnostic_escape (self->file);
  /* Translators: the severity of a problem in a course file, as compilers print it */
  severity = self->severity == AK_SEVERITY_ERROR ? _("error") : _("warning");

  if (self->line == 0)
    return g_strdup_printf ("%s: %s: %s", file, severity, self->message);
  return g_strdup_printf ("%s:%u:%u: %s: %s",
                          file, self->line, MAX (self->column, 1u),
                          severity, self->message);
}

GPtrArray *
ak_diagnostic_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)ak_diagnostic_free);
}

gboolean
ak_diagnostic_list_has_errors (GPtrArray *diagnostics)
{
  g_return_val_if_fail (diagnostics != NULL, FALSE);

  for (guint i = 0; i < diagnostics->len; i++)
    if (((AkDiagnostic *)g_ptr_array_index (diagnostics, i))->severity == AK_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

void
ak_diagnostic_list_count (GPtrArray *diagnostics,
                          guint     *n_errors,
                          guint     *n_warnings)
{
  guint errors = 0;

  g_return_if_fail (diagnostics != NULL);

  for (guint i = 0; i < diagnostics->len; i++)
    if (((AkDiagnostic *)g_ptr_array_index (diagnostics, i))->severity == AK_SEVERITY_ERROR)
      errors++;

  if (n_errors != NULL)
    *n_errors = errors;
  if (n_warnings != NULL)
    *n_warnings = diagnostics->len - errors;
}

/**
 * ak_diagnostic_format_counts:
 *
 * Returns: (transfer full): "2 errors, 1 warning", leaving out a count of
 *   zero unless both are zero
 */
char *
ak_diagnostic_format_counts (guint n_errors,
                             guint n_warnings)
{
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                            n_errors);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           n_warnings),
                              n_warnings);

  if (n_warnings == 0)
    return g_steal_pointer (&errors);
  if (n_errors == 0)
    return g_steal_pointer (&warnings);
  /* Translators: e.g. "2 errors, 1 warning" */
  return g_strdup_printf (_("%s, %s"), errors, warnings);
}

void
ak_diagnostic_list_add (GPtrArray  *diagnostics,
                        const char *file,
                        guint       line,
                        guint       column,
                        AkSeverity  severity,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (diagnostics != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (diagnostics, ak_diagnostic_new (file, line, column, severity, message));
}
