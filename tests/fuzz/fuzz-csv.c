/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ak-progress-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/*
 * The CSV writer's text cells: the input is cut into cells at NUL bytes
 * (a 0x01 byte ends a row), written as one CSV file the way the export
 * writes them, and read back with a small RFC 4180 reader. Every cell must
 * come back as it went in (made UTF-8, with the "'" that guards a formula),
 * and no cell may start with a formula character outside quotes.
 */

#define MAX_CHARS 40

/* Reads one row of @text from *@p: the fields, unquoted. Returns NULL at
 * the end. Asserts that the text is well-formed. */
static GPtrArray *
read_row (const char **p,
          GPtrArray   *raw_starts)
{
  GPtrArray *fields;
  GString *field = g_string_new (NULL);
  const char *s = *p;

  if (*s == '\0')
    {
      g_string_free (field, TRUE);
      return NULL;
    }
  fields = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      g_ptr_array_add (raw_starts, (gpointer)s);
      if (*s == '"')
        {
          for (s++; ; s++)
            {
              g_assert_true (*s != '\0');
              if (*s == '"' && s[1] == '"')
                g_string_append_c (field, *s++);
              else if (*s == '"')
                break;
              else
                g_string_append_c (field, *s);
            }
          s++;
          g_assert_true (*s == ',' || *s == '\r');
        }
      else
        {
          /* Outside quotes: no quote, no line break, no formula start. */
          g_assert_false (*s != ',' && *s != '\r' && ak_csv_starts_formula (s));
          for (; *s != ',' && *s != '\r'; s++)
            {
              g_assert_true (*s != '"' && *s != '\n' && *s != '\0');
              g_string_append_c (field, *s);
            }
        }
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);
      if (*s == '\r')
        {
          g_assert_true (s[1] == '\n');
          *p = s + 2;
          g_string_free (field, TRUE);
          return fields;
        }
      s++;
    }
}

/* What a cell must read back as. */
static char *
expected_cell (const char *value,
               gsize       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  GString *expected = g_string_new (NULL);

  if (ak_csv_starts_formula (valid))
    g_string_append_c (expected, '\'');
  if (max_chars > 0 && g_utf8_strlen (valid, -1) > (glong)max_chars)
    {
      g_string_append_len (expected, valid,
                           g_utf8_offset_to_pointer (valid, max_chars - 1) - valid);
      g_string_append (expected, "…");
    }
  else
    g_string_append (expected, valid);
  return g_string_free (expected, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) raw_starts = g_ptr_array_new ();
  const char *p;
  gsize start = 0;
  guint n_rows = 0;

  /* Cells at NUL bytes, rows at 0x01 bytes; an empty row has one empty cell. */
  for (gsize i = 0; i <= size; i++)
    {
      if (i < size && data[i] != '\0' && data[i] != 0x01)
        continue;
      g_ptr_array_add (row, g_strndup ((const char *)data + start, i - start));
      start = i + 1;
      if (i == size || data[i] == 0x01)
        {
          g_ptr_array_add (rows, g_steal_pointer (&row));
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }

  /* Odd rows are cut at MAX_CHARS characters, even ones are whole. */
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < cells->len; c++)
        {
          if (c > 0)
            g_string_append_c (csv, ',');
          ak_csv_append_text (csv, g_ptr_array_index (cells, c), r % 2 ? MAX_CHARS : 0);
        }
      g_string_append (csv, "\r\n");
    }
  g_assert_true (g_utf8_validate (csv->str, csv->len, NULL));
  g_assert_cmpuint (strlen (csv->str), ==, csv->len);

  p = csv->str;
  for (GPtrArray *fields; (fields = read_row (&p, raw_starts)) != NULL; n_rows++)
    {
      GPtrArray *cells;

      g_assert_cmpuint (n_rows, <, rows->len);
      cells = g_ptr_array_index (rows, n_rows);
      g_assert_cmpuint (fields->len, ==, cells->len);
      for (guint c = 0; c < cells->len; c++)
        {
          g_autofree char *expected = expected_cell (g_ptr_array_index (cells, c),
                                                     n_rows % 2 ? MAX_CHARS : 0);

          g_assert_cmpstr (g_ptr_array_index (fields, c), ==, expected);
        }
      g_ptr_array_unref (fields);
    }
  g_assert_cmpuint (n_rows, ==, rows->len);
  return 0;
}
