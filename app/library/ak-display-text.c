/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-display-text.h"

#include <string.h>

/* Markup is kept as long as its tags cannot outweigh the text they mark:
 * a summary of thousands of tiny emphasised spans is shown plain. */
#define MAX_MARKUP_BYTES_PER_CHAR 8

/**
 * ak_display_text_shorten:
 * @text: plain text, possibly not UTF-8 (a file name in a message)
 * @max_chars: how many characters may be shown
 *
 * Returns: (transfer full): valid UTF-8 with at most @max_chars characters
 *   of @text, cut at a character and followed by “…” when @text is longer
 */
char *
ak_display_text_shorten (const char *text,
                         gsize       max_chars)
{
  g_autofree char *valid = NULL;
  g_autofree char *head = NULL;
  const char *end;
  gsize n_chars = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (end = text; *end != '\0' && n_chars < max_chars; end = g_utf8_next_char (end))
    n_chars++;
  if (*end == '\0')
    return g_strdup (text);

  /* No blank before the ellipsis. */
  while (end > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  head = g_strndup (text, end - text);
  return g_strconcat (head, "…", NULL);
}

/**
 * ak_display_markup_bound:
 * @markup: Pango markup from the course model
 * @text: the same without tags, as the model keeps it
 * @max_chars: how many characters may be shown
 *
 * Returns: (transfer full): @markup when it is short, otherwise @text,
 *   shortened and escaped: valid Pango markup either way
 */
char *
ak_display_markup_bound (const char *markup,
                         const char *text,
                         gsize       max_chars)
{
  g_autofree char *shortened = NULL;

  g_return_val_if_fail (markup != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (markup) <= max_chars * MAX_MARKUP_BYTES_PER_CHAR
      && g_utf8_strlen (text, max_chars * MAX_MARKUP_BYTES_PER_CHAR) <= (glong)max_chars)
    return g_strdup (markup);

  shortened = ak_display_text_shorten (text, max_chars);
  return g_markup_escape_text (shortened, -1);
}
