/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-problem.h"

struct _AkLibraryProblem
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *diagnostics;   /* AkDiagnostic */
};

G_DEFINE_FINAL_TYPE (AkLibraryProblem, ak_library_problem, G_TYPE_OBJECT)

static void
ak_library_problem_finalize (GObject *object)
{
  AkLibraryProblem *self = (AkLibraryProblem *)object;

  g_free (self->path);
  g_ptr_array_unref (self->diagnostics);

  G_OBJECT_CLASS (ak_library_problem_parent_class)->finalize (object);
}

static void
ak_library_problem_class_init (AkLibraryProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ak_library_problem_finalize;
}

static void
ak_library_problem_init (AkLibraryProblem *self)
{
}

/**
 * ak_library_problem_new:
 * @diagnostics: (element-type AkDiagnostic): not changed afterwards
 */
AkLibraryProblem *
ak_library_problem_new (const char *path,
                        GPtrArray  *diagnostics)
{
  AkLibraryProblem *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  self = g_object_new (AK_TYPE_LIBRARY_PROBLEM, NULL);
  self->path = g_strdup (path);
  self->diagnostics = g_ptr_array_ref (diagnostics);
  return self;
}

const char *
ak_library_problem_get_path (AkLibraryProblem *self)
{
  g_return_val_if_fail (AK_IS_LIBRARY_PROBLEM (self), NULL);
  return self->path;
}

/**
 * ak_library_problem_get_diagnostics:
 *
 * Returns: (transfer none) (element-type AkDiagnostic): in file order
 */
GPtrArray *
ak_library_problem_get_diagnostics (AkLibraryProblem *self)
{
  g_return_val_if_fail (AK_IS_LIBRARY_PROBLEM (self), NULL);
  return self->diagnostics;
}

/**
 * ak_library_problem_has_errors:
 *
 * Returns: %TRUE when the file did not load; otherwise it has warnings only
 */
gboolean
ak_library_problem_has_errors (AkLibraryProblem *self)
{
  g_return_val_if_fail (AK_IS_LIBRARY_PROBLEM (self), FALSE);
  return ak_diagnostic_list_has_errors (self->diagnostics);
}
