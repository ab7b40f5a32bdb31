/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ak-certificate-pdf.h"

/*
 * Reads the certificate record back from the keywords of a PDF's document
 * information, where ak_certificate_render() puts it (cairo writes them
 * as a PDF string in an uncompressed object; the renderer asks for PDF
 * 1.4, which has no object streams). The file may come from anywhere: it
 * is read up to a size limit, only a bounded number of keywords entries
 * are looked at, strings are decoded with a bound on their length, and no
 * byte of the file reaches a message unescaped.
 */

#define KEY "/Keywords"
#define MAX_KEYWORDS 64
#define MAX_STRING 8192
#define HEADER_WINDOW 1024

static gboolean
is_pdf_space (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0';
}

static const guint8 *
find_key (const guint8 *p,
          const guint8 *end)
{
  gsize key_length = strlen (KEY);

  while (p != NULL && (gsize)(end - p) >= key_length)
    {
      p = memchr (p, KEY[0], end - p - key_length + 1);
      if (p == NULL || memcmp (p, KEY, key_length) == 0)
        return p;
      p++;
    }
  return NULL;
}

/* A literal string "(…)" from @p; @p points after the "(". */
static GByteArray *
read_literal (const guint8 *p,
              const guint8 *end)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint depth = 1;

  while (p < end && out->len < MAX_STRING)
    {
      guint8 c = *p++;

      if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        return g_steal_pointer (&out);
      else if (c == '\\' && p < end)
        {
          c = *p++;
          switch (c)
            {
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case '\r':
              /* A line continuation. */
              if (p < end && *p == '\n')
                p++;
              continue;
            case '\n':
              continue;
            default:
              if (c >= '0' && c <= '7')
                {
                  guint value = c - '0';

                  for (guint i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; i++)
                    value = value * 8 + (*p++ - '0');
                  c = (guint8)(value & 0xff);
                }
              break;
            }
        }
      g_byte_array_append (out, &c, 1);
    }
  return NULL;
}

/* A hex string "<…>" from @p; @p points after the "<". */
static GByteArray *
read_hex (const guint8 *p,
          const guint8 *end)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  int high = -1;

  while (p < end && out->len < MAX_STRING)
    {
      guint8 c = *p++;
      int digit;

      if (c == '>')
        {
          if (high >= 0)
            {
              guint8 byte = (guint8)(high << 4);

              g_byte_array_append (out, &byte, 1);
            }
          return g_steal_pointer (&out);
        }
      if (is_pdf_space (c))
        continue;
      digit = g_ascii_xdigit_value (c);
      if (digit < 0)
        return NULL;
      if (high < 0)
        high = digit;
      else
        {
          guint8 byte = (guint8)(high << 4 | digit);

          g_byte_array_append (out, &byte, 1);
          high = -1;
        }
    }
  return NULL;
}

/* UTF-16BE with its byte order mark, or single bytes; NULL when it is not
 * text. Only ASCII matters for the record, so other single bytes are
 * taken as Latin-1 rather than PDFDocEncoding. */
static char *
decode_text (GByteArray *bytes)
{
  if (bytes->len >= 2 && bytes->data[0] == 0xfe && bytes->data[1] == 0xff)
    {
      g_autofree gunichar2 *units = NULL;
      glong n_units = (bytes->len - 2) / 2;

      units = g_new (gunichar2, n_units + 1);
      for (glong i = 0; i < n_units; i++)
        units[i] = (gunichar2)(bytes->data[2 + 2 * i] << 8 | bytes->data[3 + 2 * i]);
      return g_utf16_to_utf8 (units, n_units, NULL, NULL, NULL);
    }
  if (memchr (bytes->data, '\0', bytes->len) != NULL)
    return NULL;
  return g_convert ((const char *)bytes->data, bytes->len, "UTF-8", "ISO-8859-1",
                    NULL, NULL, NULL);
}

/* The string value after a "/Keywords" key at @p, or NULL. */
static char *
read_value (const guint8 *p,
            const guint8 *end)
{
  g_autoptr(GByteArray) bytes = NULL;

  /* "/KeywordsX" is another name. */
  if (p < end && !is_pdf_space (*p) && *p != '(' && *p != '<')
    return NULL;
  for (guint i = 0; p < end && is_pdf_space (*p) && i < 256; i++)
    p++;
  if (p >= end)
    return NULL;
  if (*p == '(')
    bytes = read_literal (p + 1, end);
  else if (*p == '<' && (p + 1 >= end || p[1] != '<'))
    bytes = read_hex (p + 1, end);
  if (bytes == NULL)
    return NULL;
  return decode_text (bytes);
}

/**
 * ak_certificate_pdf_read_data:
 * @data: (array length=length): the bytes of a PDF file
 * @hash: (out) (transfer full): the hash the record names
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error
 *   set in %AK_CERTIFICATE_ERROR
 */
AkCertificateRecord *
ak_certificate_pdf_read_data (const guint8  *data,
                              gsize          length,
                              char         **hash,
                              GError       **error)
{
  const guint8 *end = data + length;
  const guint8 *p = data;
  g_autofree char *found = NULL;
  guint n_keywords = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (hash != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The header may follow a little junk, as readers allow. */
  if (length < 5 || g_strstr_len ((const char *)data, MIN (length, HEADER_WINDOW), "%PDF-") == NULL)
    {
      g_set_error_literal (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_UNREADABLE,
                           _("The file is no PDF document."));
      return NULL;
    }

  while (p < end && n_keywords < MAX_KEYWORDS)
    {
      const guint8 *key = find_key (p, end);
      g_autofree char *value = NULL;

      if (key == NULL)
        break;
      n_keywords++;
      p = key + strlen (KEY);
      value = read_value (p, end);
      if (value == NULL || !g_str_has_prefix (value, AK_CERTIFICATE_RECORD_MARKER))
        continue;
      /* An appended second record must not replace the first unnoticed. */
      if (found != NULL && !g_str_equal (found, value))
        {
          g_set_error_literal (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_MALFORMED,
                               _("The file holds several different certificate records."));
          return NULL;
        }
      if (found == NULL)
        found = g_steal_pointer (&value);
    }

  if (found == NULL)
    {
      g_set_error_literal (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_NO_RECORD,
                           _("The file holds no Akademie certificate."));
      return NULL;
    }
  return ak_certificate_record_from_keywords (found, hash, error);
}

/**
 * ak_certificate_pdf_read:
 * @path: a PDF file, at most %AK_CERTIFICATE_MAX_PDF_SIZE bytes
 * @hash: (out) (transfer full): the hash the record names
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error
 *   set in %AK_CERTIFICATE_ERROR
 */
AkCertificateRecord *
ak_certificate_pdf_read (const char  *path,
                         char       **hash,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *data = NULL;
  g_autofree char *display = NULL;
  gsize n_read = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (hash != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, &local_error);
  /* One byte more than allowed tells a file that is too large. */
  data = g_malloc (AK_CERTIFICATE_MAX_PDF_SIZE + 1);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), data, AK_CERTIFICATE_MAX_PDF_SIZE + 1,
                                &n_read, NULL, &local_error))
    {
      /* Translators: "file name: why it cannot be read" */
      g_set_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_UNREADABLE,
                   _("%s: %s"), display, local_error->message);
      return NULL;
    }
  if (n_read > AK_CERTIFICATE_MAX_PDF_SIZE)
    {
      /* Translators: %s is a file name, %u a size in MiB */
      g_set_error (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_UNREADABLE,
                   _("%s is larger than %u MiB and no certificate."), display,
                   (guint)(AK_CERTIFICATE_MAX_PDF_SIZE / (1024 * 1024)));
      return NULL;
    }
  return ak_certificate_pdf_read_data (data, n_read, hash, error);
}
