/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-limits.h"

#include <glib/gi18n-lib.h>

#include "ak-course-loader.h"

static gboolean
is_inline (xmlNode *element)
{
  return ak_xml_is_element (element, "em") || ak_xml_is_element (element, "strong");
}

/* Counts the em and strong elements inside @element into @n_inline, and
 * reports the first one past the limit. Depth is bounded by the parser. */
static gboolean
count_inline (AkXmlDocument *document,
              xmlNode       *element,
              guint         *n_inline)
{
  for (xmlNode *child = ak_xml_first_element (element); child; child = ak_xml_next_element (child))
    {
      if (!is_inline (child))
        {
          guint n_inside = 0;

          /* Anything else begins a text block of its own. */
          if (!count_inline (document, child, &n_inside))
            return FALSE;
          continue;
        }
      if (++*n_inline > AK_COURSE_MAX_INLINE)
        {
          ak_xml_document_report (document, child, NULL, AK_SEVERITY_ERROR,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "A text block may hold at most %u emphasis "
                                               "(“em” or “strong”)",
                                               "A text block may hold at most %u emphases "
                                               "(“em” or “strong”)",
                                               AK_COURSE_MAX_INLINE),
                                  (guint)AK_COURSE_MAX_INLINE);
          return FALSE;
        }
      if (!count_inline (document, child, n_inline))
        return FALSE;
    }
  return TRUE;
}

/**
 * ak_course_check_limits:
 *
 * Refuses what would make the schema check slow, before it runs: the
 * time libxml2 takes for mixed content grows with the square of the
 * emphases in one text block.
 *
 * Returns: %TRUE when @document is within the limits
 */
gboolean
ak_course_check_limits (AkXmlDocument *document)
{
  guint n_inline = 0;

  return count_inline (document, ak_xml_document_get_root (document), &n_inline);
}
