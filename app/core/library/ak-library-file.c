/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-file.h"

#include <string.h>
#include <sys/stat.h>

AkLibraryFile *
ak_library_file_new (const char *path,
                     gboolean    opened)
{
  AkLibraryFile *self = g_atomic_rc_box_new0 (AkLibraryFile);

  self->path = g_strdup (path);
  self->opened = opened;
  self->load_diagnostics = ak_diagnostic_list_new ();
  return self;
}

AkLibraryFile *
ak_library_file_ref (AkLibraryFile *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
file_clear (AkLibraryFile *self)
{
  g_free (self->path);
  g_clear_object (&self->course);
  g_free (self->sort_key);
  g_clear_pointer (&self->theses, g_hash_table_unref);
  g_clear_pointer (&self->references, g_array_unref);
  g_ptr_array_unref (self->load_diagnostics);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
}

void
ak_library_file_unref (AkLibraryFile *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)file_clear);
}

/* The same file, now found another way (opened instead of in a folder, or
 * the other way round): what was read is kept. */
AkLibraryFile *
ak_library_file_copy_as (AkLibraryFile *self,
                         gboolean       opened)
{
  AkLibraryFile *copy = ak_library_file_new (self->path, opened);

  copy->stamp = self->stamp;
  copy->course = self->course != NULL ? g_object_ref (self->course) : NULL;
  copy->sort_key = g_strdup (self->sort_key);
  copy->theses = self->theses != NULL ? g_hash_table_ref (self->theses) : NULL;
  copy->references = self->references != NULL ? g_array_ref (self->references) : NULL;
  for (guint i = 0; i < self->load_diagnostics->len; i++)
    g_ptr_array_add (copy->load_diagnostics,
                     ak_diagnostic_copy (g_ptr_array_index (self->load_diagnostics, i)));
  return copy;
}

/* Sorted as a reader looks for a title: leading quotation marks and
 * dashes do not count („Social Media“ ist tot goes under S), nor does
 * case, whatever the locale's collation does with either. */
static char *
title_sort_key (const char *title)
{
  const char *p = title;
  g_autofree char *folded = NULL;

  while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  folded = g_utf8_casefold (*p != '\0' ? p : title, -1);
  return g_utf8_collate_key (folded, -1);
}

static void
reference_clear (AkLibraryReference *reference)
{
  g_free (reference->course_id);
}

/* What the checks between courses need, found once per read: they run
 * after every change, over every course. */
static void
index_course (AkLibraryFile *self)
{
  g_autoptr(GPtrArray) theses = ak_course_list_theses (self->course);
  GPtrArray *quizzes = ak_course_get_quizzes (self->course);

  self->theses = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < theses->len; i++)
    g_hash_table_add (self->theses, ((AkBlock *)g_ptr_array_index (theses, i))->id);

  self->references = g_array_new (FALSE, FALSE, sizeof (AkLibraryReference));
  g_array_set_clear_func (self->references, (GDestroyNotify)reference_clear);
  for (guint i = 0; i < quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (quizzes, i);

      for (guint j = 0; j < quiz->questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, j);

          for (guint k = 0; question->tests != NULL && question->tests[k] != NULL; k++)
            {
              const char *colon = strchr (question->tests[k], ':');
              AkLibraryReference reference;

              if (colon == NULL)
                continue;
              reference.question = question;
              reference.reference = question->tests[k];
              reference.course_id = g_strndup (question->tests[k], colon - question->tests[k]);
              reference.thesis_id = colon + 1;
              g_array_append_val (self->references, reference);
            }
        }
    }
}

/* Takes @course; computes its sort key and index here, in the worker. */
void
ak_library_file_set_course (AkLibraryFile *self,
                            AkCourse      *course)
{
  g_clear_object (&self->course);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->theses, g_hash_table_unref);
  g_clear_pointer (&self->references, g_array_unref);
  self->course = course;
  if (course == NULL)
    return;
  self->sort_key = title_sort_key (ak_course_get_title (course));
  index_course (self);
}

void
ak_library_stamp_read (AkLibraryStamp *stamp,
                       const char     *path)
{
  struct stat info;

  memset (stamp, 0, sizeof *stamp);
  if (lstat (path, &info) != 0)
    return;
  /* A course linked into a folder changes where it lives. */
  stamp->link = S_ISLNK (info.st_mode);
  if (stamp->link && stat (path, &info) != 0)
    return;
  stamp->exists = TRUE;
  stamp->directory = S_ISDIR (info.st_mode);
  stamp->device = info.st_dev;
  stamp->inode = info.st_ino;
  stamp->size = info.st_size;
  stamp->mtime_ns = (gint64)info.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000)
                    + info.st_mtim.tv_nsec;
  stamp->ctime_ns = (gint64)info.st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000)
                    + info.st_ctim.tv_nsec;
}

gboolean
ak_library_stamp_equal (const AkLibraryStamp *a,
                        const AkLibraryStamp *b)
{
  return a->exists == b->exists && a->directory == b->directory && a->link == b->link &&
         a->device == b->device && a->inode == b->inode &&
         a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns;
}

gboolean
ak_library_diagnostics_equal (GPtrArray *a,
                              GPtrArray *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      AkDiagnostic *x = g_ptr_array_index (a, i);
      AkDiagnostic *y = g_ptr_array_index (b, i);

      if (x->line != y->line || x->column != y->column || x->severity != y->severity ||
          g_strcmp0 (x->file, y->file) != 0 || g_strcmp0 (x->message, y->message) != 0)
        return FALSE;
    }
  return TRUE;
}
