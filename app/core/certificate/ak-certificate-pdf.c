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
 * 1.4, which has no object streams). A program that saves the file again
 * may move the keywords into a compressed object stream (PDF 1.5), so
 * those are looked into too. The file may come from anywhere: it is read
 * up to a size limit, only so many keywords entries and object streams
 * are looked at, each stream is inflated up to a limit, strings are
 * decoded with a bound on their length, and no byte of the file reaches a
 * message unescaped.
 */

#define KEY "/Keywords"
#define MAX_KEYWORDS 64
#define MAX_STRING 8192
#define HEADER_WINDOW 1024
#define MAX_OBJECT_STREAMS 16
#define MAX_INFLATED (1024 * 1024)
/* How far the dictionary of an object stream may reach around its type. */
#define DICTIONARY_WINDOW 1024

static gboolean
is_pdf_space (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\0';
}

static const guint8 *
find (const guint8 *p,
      const guint8 *end,
      const char   *needle)
{
  gsize length = strlen (needle);

  while (p != NULL && p < end && (gsize)(end - p) >= length)
    {
      p = memchr (p, needle[0], end - p - length + 1);
      if (p == NULL || memcmp (p, needle, length) == 0)
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
  /* An empty array has no data to look into. */
  if (bytes->len == 0)
    return g_strdup ("");
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

typedef struct
{
  char  *found;       /* the first record */
  guint  n_keywords;  /* entries looked at */
  gboolean conflict;  /* another, different record */
} Scan;

static void
scan_keywords (Scan         *scan,
               const guint8 *p,
               const guint8 *end)
{
  while (p < end && scan->n_keywords < MAX_KEYWORDS && !scan->conflict)
    {
      const guint8 *key = find (p, end, KEY);
      g_autofree char *value = NULL;

      if (key == NULL)
        break;
      scan->n_keywords++;
      p = key + strlen (KEY);
      value = read_value (p, end);
      if (value == NULL || !g_str_has_prefix (value, AK_CERTIFICATE_RECORD_MARKER))
        continue;
      /* An appended second record must not replace the first unnoticed. */
      if (scan->found == NULL)
        scan->found = g_steal_pointer (&value);
      else if (!g_str_equal (scan->found, value))
        scan->conflict = TRUE;
    }
}

/* Up to MAX_INFLATED bytes of the zlib data at @p; what was inflated
 * before an error or the limit is kept. */
static GBytes *
inflate_bounded (const guint8 *p,
                 const guint8 *end)
{
  g_autoptr(GConverter) inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  g_autoptr(GByteArray) out = g_byte_array_new ();

  g_byte_array_set_size (out, MAX_INFLATED);
  for (gsize filled = 0; filled < MAX_INFLATED;)
    {
      gsize n_read = 0;
      gsize n_written = 0;
      GConverterResult result;

      result = g_converter_convert (inflater, p, end - p, out->data + filled,
                                    MAX_INFLATED - filled, G_CONVERTER_INPUT_AT_END, &n_read,
                                    &n_written, NULL);
      p += n_read;
      filled += n_written;
      if (result == G_CONVERTER_ERROR || result == G_CONVERTER_FINISHED ||
          (n_read == 0 && n_written == 0))
        {
          g_byte_array_set_size (out, filled);
          break;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Compressed object streams, as PDF 1.5 writers make them. */
static void
scan_object_streams (Scan         *scan,
                     const guint8 *data,
                     const guint8 *end)
{
  const guint8 *p = data;

  for (guint n = 0; n < MAX_OBJECT_STREAMS && !scan->conflict; n++)
    {
      const guint8 *type = find (p, end, "/ObjStm");
      const guint8 *window_start;
      const guint8 *stream;
      g_autoptr(GBytes) inflated = NULL;
      gsize length;
      const guint8 *plain;

      if (type == NULL)
        break;
      p = type + 1;
      window_start = type - MIN ((gsize)(type - data), DICTIONARY_WINDOW);
      stream = find (type, MIN (end, type + DICTIONARY_WINDOW), "stream");
      if (stream == NULL ||
          find (window_start, stream, "/FlateDecode") == NULL)
        continue;
      stream += strlen ("stream");
      if (stream < end && *stream == '\r')
        stream++;
      if (stream < end && *stream == '\n')
        stream++;
      inflated = inflate_bounded (stream, end);
      plain = g_bytes_get_data (inflated, &length);
      if (length > 0)
        scan_keywords (scan, plain, plain + length);
    }
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
  Scan scan = { NULL, 0, FALSE };
  g_autofree char *found = NULL;

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

  scan_keywords (&scan, data, data + length);
  scan_object_streams (&scan, data, data + length);
  found = g_steal_pointer (&scan.found);

  if (scan.conflict)
    {
      g_set_error_literal (error, AK_CERTIFICATE_ERROR, AK_CERTIFICATE_ERROR_MALFORMED,
                           _("The file holds several different certificate records."));
      return NULL;
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
