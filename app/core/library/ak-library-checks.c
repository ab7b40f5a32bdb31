/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-checks.h"

#include <glib/gi18n-lib.h>

#include "ak-library-precedence.h"

/**
 * ak_library_check_references:
 * @file: a file whose course is loaded
 * @winners: course id → AkLibraryFile, from ak_library_precedence_resolve()
 * @found: where problems are added, see ak_library_report()
 */
void
ak_library_check_references (AkLibraryFile *file,
                             GHashTable    *winners,
                             GHashTable    *found)
{
  for (guint i = 0; file->references != NULL && i < file->references->len; i++)
    {
      AkLibraryReference *reference = &g_array_index (file->references, AkLibraryReference, i);
      AkLibraryFile *target = g_hash_table_lookup (winners, reference->course_id);

      if (target != NULL && g_hash_table_contains (target->theses, reference->thesis_id))
        continue;

      if (target == NULL)
        ak_library_report (found, file, reference->question, AK_SEVERITY_WARNING,
                           /* Translators: placeholders are a question id, a thesis
                            * reference "course:thesis" and a course id */
                           _("Question “%s” tests “%s”, but there is no course “%s”"),
                           reference->question->id, reference->reference, reference->course_id);
      else
        ak_library_report (found, file, reference->question, AK_SEVERITY_WARNING,
                           /* Translators: placeholders are a question id, a thesis
                            * reference "course:thesis", a course id and a thesis id */
                           _("Question “%s” tests “%s”, but course “%s” has no "
                             "thesis “%s”"),
                           reference->question->id, reference->reference,
                           reference->course_id, reference->thesis_id);
    }
}
