/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-library.h"

#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include "ak-library-checks.h"
#include "ak-library-file.h"
#include "ak-library-list.h"
#include "ak-library-precedence.h"
#include "ak-library-scan.h"
#include "ak-library-watch.h"

/* A trainer's editor often saves in several steps (write, rename, touch);
 * wait until the disk has been quiet this long before reloading. */
#define RELOAD_DELAY_MS 300
/* Background reading yields to the window (see reload_thread()). */
#define READING_NICENESS 10

typedef struct
{
  char     *path;
  gboolean  is_directory;
  gboolean  opened;       /* by the learner: remembered, before every folder */
  gboolean  forgotten;    /* opened before, gone now: shown once, then dropped */
} SearchEntry;

/* One reload in a worker thread. */
typedef struct
{
  GWeakRef       library;
  AkLibraryScan *scan;
  GPtrArray     *changed;       /* paths it reads whatever their stamp */
  GCancellable  *cancellable;
  GTask         *caller;        /* nullable */
} Reload;

struct _AkCourseLibrary
{
  GObject         parent_instance;

  GPtrArray      *search_path;   /* SearchEntry, in order of precedence */
  guint           n_opened;      /* opened entries, at the start of search_path */
  GPtrArray      *files;         /* AkLibraryFile, in order of precedence */
  GHashTable     *files_by_path; /* path → AkLibraryFile */
  GHashTable     *winners;       /* course id → AkLibraryFile that provides it */
  GPtrArray      *courses;       /* AkCourse, sorted by title */
  AkLibraryList  *problems;      /* AkLibraryProblem, in order of precedence */
  guint           n_errors;
  guint           n_warnings;
  gboolean        loaded;        /* once a reload was applied */

  GHashTable     *changed;       /* paths the watch named since the last reload */
  Reload         *pending;       /* the reload running, if any */
  guint           reload_source;
  AkLibraryWatch *watch;         /* while watching */
  GSettings      *settings;      /* where opened files are remembered */
  char           *settings_key;
};

static void ak_course_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AkCourseLibrary, ak_course_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ak_course_library_list_model_init))

enum {
  PROP_0,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_WATCH,
  PROP_LOADING,
  PROP_LOADED,
  PROP_OPENED_FILES,
  N_PROPS
};

enum {
  RELOADED,
  COURSE_REPLACED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
search_entry_free (SearchEntry *entry)
{
  g_free (entry->path);
  g_free (entry);
}

/* Building the new state */

typedef struct
{
  const char *key;
  AkCourse   *course;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *item_a = a;
  const SortItem *item_b = b;
  int result = strcmp (item_a->key, item_b->key);

  if (result != 0)
    return result;
  return strcmp (ak_course_get_id (item_a->course), ak_course_get_id (item_b->course));
}

static GPtrArray *
sort_courses (GPtrArray  *files,
              GHashTable *winners)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  GPtrArray *courses = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++)
    {
      AkLibraryFile *file = g_ptr_array_index (files, i);
      SortItem item;

      if (file->course == NULL ||
          g_hash_table_lookup (winners, ak_course_get_id (file->course)) != file)
        continue;
      item.key = file->sort_key;
      item.course = file->course;
      g_array_append_val (items, item);
    }

  g_array_sort (items, compare_sort_items);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (courses, g_object_ref (g_array_index (items, SortItem, i).course));
  return courses;
}

/* The loader's problems and the library's, in one list. */
static GPtrArray *
combine_diagnostics (AkLibraryFile *file,
                     GPtrArray     *found)
{
  GPtrArray *all;

  if (found == NULL)
    return g_ptr_array_ref (file->load_diagnostics);

  all = ak_diagnostic_list_new ();
  for (guint i = 0; i < file->load_diagnostics->len; i++)
    g_ptr_array_add (all, ak_diagnostic_copy (g_ptr_array_index (file->load_diagnostics, i)));
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (all, ak_diagnostic_copy (g_ptr_array_index (found, i)));
  return all;
}

static void
set_counts (AkCourseLibrary *self,
            guint            n_errors,
            guint            n_warnings)
{
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != n_warnings)
    {
      self->n_warnings = n_warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
}

static void
follow_links (AkCourseLibrary *self)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  if (self->watch == NULL)
    return;
  for (guint i = 0; i < self->files->len; i++)
    {
      AkLibraryFile *file = g_ptr_array_index (self->files, i);

      if (file->stamp.link)
        g_ptr_array_add (links, file->path);
    }
  ak_library_watch_follow_links (self->watch, (const char *const *)links->pdata, links->len);
}

/* Makes @files the library's files. Everything here works on what is in
 * memory: precedence and the checks between courses are decided again
 * over all files, which is cheap, while only changed files were read. */
static void
apply_files (AkCourseLibrary *self,
             GPtrArray       *files)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) winners = NULL;
  g_autoptr(GHashTable) old_problems = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) files_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) old_courses = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  GPtrArray *old_problem_items = ak_library_list_peek (self->problems);
  guint n_errors = 0;
  guint n_warnings = 0;

  winners = ak_library_precedence_resolve (files, found);
  for (guint i = 0; i < files->len; i++)
    {
      AkLibraryFile *file = g_ptr_array_index (files, i);

      if (file->course != NULL &&
          g_hash_table_lookup (winners, ak_course_get_id (file->course)) == file)
        ak_library_check_references (file, winners, found);
    }

  for (guint i = 0; i < old_problem_items->len; i++)
    {
      AkLibraryProblem *problem = g_ptr_array_index (old_problem_items, i);

      g_hash_table_insert (old_problems, (char *)ak_library_problem_get_path (problem), problem);
    }

  for (guint i = 0; i < files->len; i++)
    {
      AkLibraryFile *file = g_ptr_array_index (files, i);
      g_autoptr(GPtrArray) all = combine_diagnostics (file, g_hash_table_lookup (found, file));
      AkLibraryProblem *problem;
      guint file_errors;
      guint file_warnings;

      g_hash_table_insert (files_by_path, file->path, file);
      ak_diagnostic_list_count (all, &file_errors, &file_warnings);
      n_errors += file_errors;
      n_warnings += file_warnings;

      /* A file whose problems stay the same keeps its item, and its row. */
      problem = g_hash_table_lookup (old_problems, file->path);
      if (problem != NULL &&
          ak_library_diagnostics_equal (ak_library_problem_get_diagnostics (problem), all))
        {
          g_clear_pointer (&all, g_ptr_array_unref);
          all = g_ptr_array_ref (ak_library_problem_get_diagnostics (problem));
          g_ptr_array_add (problems, g_object_ref (problem));
        }
      else if (all->len > 0)
        {
          g_ptr_array_add (problems, ak_library_problem_new (file->path, all));
        }
      g_clear_pointer (&file->diagnostics, g_ptr_array_unref);
      file->diagnostics = g_steal_pointer (&all);
    }

  courses = sort_courses (files, winners);
  for (guint i = 0; i < courses->len; i++)
    g_hash_table_add (kept, g_ptr_array_index (courses, i));
  old_courses = g_ptr_array_new_full (self->courses->len, g_object_unref);
  for (guint i = 0; i < self->courses->len; i++)
    g_ptr_array_add (old_courses, g_object_ref (g_ptr_array_index (self->courses, i)));

  /* The new state is complete before anybody hears of it. */
  g_ptr_array_unref (self->files);
  self->files = g_ptr_array_ref (files);
  g_hash_table_unref (self->files_by_path);
  self->files_by_path = g_steal_pointer (&files_by_path);
  g_hash_table_unref (self->winners);
  self->winners = g_steal_pointer (&winners);
  follow_links (self);

  ak_library_list_apply (G_LIST_MODEL (self), self->courses, courses);
  ak_library_list_update (self->problems, problems);
  set_counts (self, n_errors, n_warnings);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  for (guint i = 0; i < old_courses->len; i++)
    {
      AkCourse *course = g_ptr_array_index (old_courses, i);

      if (!g_hash_table_contains (kept, course))
        g_signal_emit (self, signals[COURSE_REPLACED], 0, course,
                       ak_course_library_lookup (self, ak_course_get_id (course)));
    }

  g_signal_emit (self, signals[RELOADED], 0);
}

/* Reloading */

static AkLibraryScan *
create_scan (AkCourseLibrary *self,
             GPtrArray       *changed)
{
  AkLibraryScan *scan = ak_library_scan_new ();
  GHashTableIter iter;
  gpointer path;

  for (guint i = 0; i < self->search_path->len; i++)
    {
      SearchEntry *entry = g_ptr_array_index (self->search_path, i);

      if (entry->is_directory)
        ak_library_scan_add_directory (scan, entry->path);
      else if (entry->forgotten)
        ak_library_scan_add_forgotten (scan, entry->path);
      else
        ak_library_scan_add_file (scan, entry->path);
    }
  for (guint i = 0; i < self->files->len; i++)
    ak_library_scan_add_known (scan, g_ptr_array_index (self->files, i));

  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    {
      ak_library_scan_add_changed (scan, path);
      g_ptr_array_add (changed, g_strdup (path));
    }
  g_hash_table_remove_all (self->changed);
  return scan;
}

static void
reload_free (Reload *reload)
{
  g_weak_ref_clear (&reload->library);
  g_clear_pointer (&reload->scan, ak_library_scan_free);
  g_ptr_array_unref (reload->changed);
  g_object_unref (reload->cancellable);
  g_clear_object (&reload->caller);
  g_free (reload);
}

/* A newer reload replaces the one running; what the watch reported for
 * that one is read by the newer. */
static void
cancel_pending (AkCourseLibrary *self)
{
  Reload *reload = g_steal_pointer (&self->pending);

  if (reload == NULL)
    return;
  for (guint i = 0; i < reload->changed->len; i++)
    g_hash_table_add (self->changed, g_strdup (g_ptr_array_index (reload->changed, i)));
  g_cancellable_cancel (reload->cancellable);
}

/* Reads at a lower priority than the window's thread, so that the window
 * stays smooth, also on a machine with one core. A thread of its own,
 * since a thread's priority cannot be raised again. */
static gpointer
reload_thread (gpointer data)
{
  GTask *task = data;
  Reload *reload = g_task_get_task_data (task);
  GPtrArray *files;

  setpriority (PRIO_PROCESS, (id_t)syscall (SYS_gettid), READING_NICENESS);
  files = ak_library_scan_run (reload->scan, reload->cancellable);
  if (files == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Reload replaced");
  else
    g_task_return_pointer (task, files, (GDestroyNotify)g_ptr_array_unref);
  g_object_unref (task);
  return NULL;
}

static void
reload_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Reload *reload = user_data;
  g_autoptr(AkCourseLibrary) self = g_weak_ref_get (&reload->library);
  g_autoptr(GPtrArray) files = g_task_propagate_pointer (G_TASK (result), NULL);
  GTask *caller = g_steal_pointer (&reload->caller);

  if (self != NULL && self->pending == reload)
    {
      self->pending = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      if (files != NULL)
        apply_files (self, files);
    }

  if (caller != NULL)
    {
      if (files != NULL && !g_cancellable_is_cancelled (reload->cancellable))
        g_task_return_boolean (caller, TRUE);
      else
        g_task_return_new_error (caller, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                                 "The reload was replaced by a newer one");
      g_object_unref (caller);
    }
  reload_free (reload);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  AkCourseLibrary *self = user_data;

  self->reload_source = 0;
  ak_course_library_reload_async (self, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (const char *path,
                 gpointer    user_data)
{
  AkCourseLibrary *self = user_data;

  if (path != NULL)
    g_hash_table_add (self->changed, g_strdup (path));
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
  g_source_set_name_by_id (self->reload_source, "[akademie] reload course library");
}

/* Opened files */

static void
save_opened_files (AkCourseLibrary *self)
{
  g_auto(GStrv) paths = NULL;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_FILES]);
  if (self->settings == NULL)
    return;
  paths = ak_course_library_dup_opened_files (self);
  g_settings_set_strv (self->settings, self->settings_key, (const char *const *)paths);
}

static SearchEntry *
find_entry (AkCourseLibrary *self,
            const char      *path,
            gboolean         is_directory)
{
  for (guint i = 0; i < self->search_path->len; i++)
    {
      SearchEntry *entry = g_ptr_array_index (self->search_path, i);

      if (entry->is_directory == is_directory && g_str_equal (entry->path, path))
        return entry;
    }
  return NULL;
}

static SearchEntry *
insert_entry (AkCourseLibrary *self,
              guint            position,
              const char      *path,
              gboolean         is_directory)
{
  SearchEntry *entry = g_new0 (SearchEntry, 1);

  entry->path = g_strdup (path);
  entry->is_directory = is_directory;
  g_ptr_array_insert (self->search_path, position, entry);
  if (self->watch != NULL)
    ak_library_watch_add (self->watch, path, is_directory);
  return entry;
}

/* GListModel */

static guint
list_model_get_n_items (GListModel *model)
{
  return AK_COURSE_LIBRARY (model)->courses->len;
}

static GType
list_model_get_item_type (GListModel *model)
{
  return AK_TYPE_COURSE;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  AkCourseLibrary *self = AK_COURSE_LIBRARY (model);

  if (position >= self->courses->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->courses, position));
}

static void
ak_course_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
ak_course_library_dispose (GObject *object)
{
  AkCourseLibrary *self = (AkCourseLibrary *)object;

  cancel_pending (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->watch, ak_library_watch_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ak_course_library_parent_class)->dispose (object);
}

static void
ak_course_library_finalize (GObject *object)
{
  AkCourseLibrary *self = (AkCourseLibrary *)object;

  g_clear_pointer (&self->search_path, g_ptr_array_unref);
  g_clear_pointer (&self->courses, g_ptr_array_unref);
  g_clear_pointer (&self->winners, g_hash_table_unref);
  g_clear_pointer (&self->files_by_path, g_hash_table_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_clear_object (&self->problems);
  g_free (self->settings_key);

  G_OBJECT_CLASS (ak_course_library_parent_class)->finalize (object);
}

static void
ak_course_library_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AkCourseLibrary *self = AK_COURSE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_WATCH:
      g_value_set_boolean (value, ak_course_library_get_watch (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->pending != NULL);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_OPENED_FILES:
      g_value_take_boxed (value, ak_course_library_dup_opened_files (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_course_library_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AkCourseLibrary *self = AK_COURSE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_WATCH:
      ak_course_library_set_watch (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_course_library_class_init (AkCourseLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ak_course_library_dispose;
  object_class->finalize = ak_course_library_finalize;
  object_class->get_property = ak_course_library_get_property;
  object_class->set_property = ak_course_library_set_property;

  /**
   * AkCourseLibrary:n-errors:
   *
   * The number of errors over all files after the last reload.
   */
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AkCourseLibrary:n-warnings:
   *
   * The number of warnings over all files after the last reload.
   */
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AkCourseLibrary:watch:
   *
   * Whether the library reloads by itself when a course file on its
   * search path changes on disk.
   */
  properties[PROP_WATCH] =
    g_param_spec_boolean ("watch", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AkCourseLibrary:loading:
   *
   * Whether a reload is running in the background.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AkCourseLibrary:loaded:
   *
   * Whether the library was loaded at least once.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AkCourseLibrary:opened-files:
   *
   * The files the learner opened, in the order opened.
   */
  properties[PROP_OPENED_FILES] =
    g_param_spec_boxed ("opened-files", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AkCourseLibrary::reloaded:
   *
   * Emitted after every reload, once the courses and the diagnostics of
   * all files are up to date, also when nothing changed.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * AkCourseLibrary::course-replaced:
   * @old: the course that left the library
   * @replacement: (nullable): the course with the same id now, or %NULL
   *   when there is none
   *
   * Emitted during a reload for every course that left the library, once
   * the library is up to date, so that a page showing @old can move to
   * @replacement by the ids of what it shows.
   */
  signals[COURSE_REPLACED] =
    g_signal_new ("course-replaced",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, AK_TYPE_COURSE, AK_TYPE_COURSE);
}

static void
ak_course_library_init (AkCourseLibrary *self)
{
  self->search_path = g_ptr_array_new_with_free_func ((GDestroyNotify)search_entry_free);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_library_file_unref);
  self->files_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  self->winners = g_hash_table_new (g_str_hash, g_str_equal);
  self->courses = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = ak_library_list_new (AK_TYPE_LIBRARY_PROBLEM);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

AkCourseLibrary *
ak_course_library_new (void)
{
  return g_object_new (AK_TYPE_COURSE_LIBRARY, NULL);
}

/**
 * ak_course_library_add_directory:
 * @path: a folder whose `*.xml` files are courses
 *
 * Appends @path to the search path, after everything added before. A
 * folder that does not exist counts as empty. Takes effect on the next
 * reload.
 */
void
ak_course_library_add_directory (AkCourseLibrary *self,
                                 const char      *path)
{
  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));
  g_return_if_fail (path != NULL);

  insert_entry (self, self->search_path->len, path, TRUE);
}

/**
 * ak_course_library_add_file:
 * @path: a course file
 *
 * Appends @path to the search path, after everything added before. A file
 * that does not exist is reported as an error. Takes effect on the next
 * reload.
 */
void
ak_course_library_add_file (AkCourseLibrary *self,
                            const char      *path)
{
  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));
  g_return_if_fail (path != NULL);

  insert_entry (self, self->search_path->len, path, FALSE);
}

/* A folder is opened with its figures: through the document portal, a
 * file comes alone, but a folder comes with everything in it. The path
 * is only made absolute, not resolved, so that a portal path
 * (/run/user/…/doc/…) stays valid at the next start. */
static void
open_file (AkCourseLibrary *self,
           const char      *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  gboolean is_directory = g_file_test (absolute, G_FILE_TEST_IS_DIR);
  SearchEntry *entry = find_entry (self, absolute, is_directory);

  if (entry != NULL && entry->opened)
    return;
  if (entry != NULL)
    g_ptr_array_remove (self->search_path, entry);
  entry = insert_entry (self, self->n_opened++, absolute, is_directory);
  entry->opened = TRUE;
}

/**
 * ak_course_library_open_file:
 * @path: a course file or a course folder the learner chose
 *
 * Puts @path on the search path after the files opened before and ahead
 * of every folder, so that it replaces an installed course with the same
 * id, and adds it to #AkCourseLibrary:opened-files. A folder adds the
 * course files in it, as ak_course_library_add_directory() does. Takes
 * effect on the next reload.
 */
void
ak_course_library_open_file (AkCourseLibrary *self,
                             const char      *path)
{
  guint n_opened;

  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));
  g_return_if_fail (path != NULL);

  n_opened = self->n_opened;
  open_file (self, path);
  if (self->n_opened != n_opened)
    save_opened_files (self);
}

/**
 * ak_course_library_restore_opened_files:
 * @paths: files opened in an earlier session
 *
 * Opens @paths again. A file that no longer exists is not opened: it is
 * shown with a warning until the next start, and left out of
 * #AkCourseLibrary:opened-files, so that it is forgotten.
 */
void
ak_course_library_restore_opened_files (AkCourseLibrary   *self,
                                        const char *const *paths)
{
  gboolean forgotten = FALSE;

  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          open_file (self, paths[i]);
        }
      else if (find_entry (self, paths[i], FALSE) == NULL)
        {
          SearchEntry *entry = insert_entry (self, self->n_opened, paths[i], FALSE);

          entry->forgotten = TRUE;
          forgotten = TRUE;
        }
    }
  if (forgotten)
    save_opened_files (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_FILES]);
}

/**
 * ak_course_library_dup_opened_files:
 *
 * Returns: (transfer full): the files the learner opened, in that order
 */
GStrv
ak_course_library_dup_opened_files (AkCourseLibrary *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);

  for (guint i = 0; i < self->search_path->len; i++)
    {
      SearchEntry *entry = g_ptr_array_index (self->search_path, i);

      if (entry->opened)
        g_strv_builder_add (builder, entry->path);
    }
  return g_strv_builder_end (builder);
}

/**
 * ak_course_library_remember_opened_files:
 * @settings: where to keep the list
 * @key: a string-array key of @settings
 *
 * Opens the files listed under @key (see
 * ak_course_library_restore_opened_files()) and keeps the list up to date
 * from now on.
 */
void
ak_course_library_remember_opened_files (AkCourseLibrary *self,
                                         GSettings       *settings,
                                         const char      *key)
{
  g_auto(GStrv) paths = NULL;

  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (key != NULL);

  g_set_object (&self->settings, settings);
  g_free (self->settings_key);
  self->settings_key = g_strdup (key);

  paths = g_settings_get_strv (settings, key);
  ak_course_library_restore_opened_files (self, (const char *const *)paths);
  /* Files opened before this call are kept too. */
  save_opened_files (self);
}

/**
 * ak_course_library_reload:
 *
 * Brings the library up to date with the search path, in this thread:
 * the `*.xml` files directly in each folder (by name) and the files added
 * one by one. Only files that are new or changed since the last reload
 * are read. A file with errors is left out; every other file is still
 * loaded. When two files declare the same course id, the one earlier on
 * the search path wins. Questions that test a thesis of another course
 * ("course:thesis") are checked against the loaded courses.
 *
 * Emits #GListModel::items-changed for each run of changed courses, then
 * #AkCourseLibrary::reloaded. A reload running in the background is
 * cancelled.
 */
void
ak_course_library_reload (AkCourseLibrary *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AkLibraryScan) scan = NULL;
  g_autoptr(GPtrArray) files = NULL;
  gboolean was_loading;

  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  was_loading = self->pending != NULL;
  cancel_pending (self);
  scan = create_scan (self, changed);
  files = ak_library_scan_run (scan, NULL);
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  apply_files (self, files);
}

/**
 * ak_course_library_reload_async:
 *
 * Like ak_course_library_reload(), but reads the files in a worker
 * thread; the library changes in this thread's main context when they
 * are read. A newer reload cancels this one: it then fails with
 * %G_IO_ERROR_CANCELLED and the library is left as it was.
 */
void
ak_course_library_reload_async (AkCourseLibrary     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Reload *reload;
  gboolean was_loading;

  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  was_loading = self->pending != NULL;
  cancel_pending (self);

  reload = g_new0 (Reload, 1);
  g_weak_ref_init (&reload->library, self);
  reload->changed = g_ptr_array_new_with_free_func (g_free);
  reload->scan = create_scan (self, reload->changed);
  reload->cancellable = g_cancellable_new ();
  if (callback != NULL)
    {
      reload->caller = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (reload->caller, ak_course_library_reload_async);
    }

  /* No reference to the library: it may go while its files are read. */
  task = g_task_new (NULL, reload->cancellable, reload_done_cb, reload);
  g_task_set_source_tag (task, ak_course_library_reload_async);
  g_task_set_task_data (task, reload, NULL);
  self->pending = reload;
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_thread_unref (g_thread_new ("akademie-library", reload_thread, g_object_ref (task)));
}

gboolean
ak_course_library_reload_finish (AkCourseLibrary *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ak_course_library_get_loading:
 *
 * Returns: whether a reload is running in the background
 */
gboolean
ak_course_library_get_loading (AkCourseLibrary *self)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), FALSE);
  return self->pending != NULL;
}

/**
 * ak_course_library_get_loaded:
 *
 * Returns: whether the library was loaded at least once
 */
gboolean
ak_course_library_get_loaded (AkCourseLibrary *self)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), FALSE);
  return self->loaded;
}

/**
 * ak_course_library_get_problems:
 *
 * Returns: (transfer none): a #GListModel of #AkLibraryProblem: every file
 *   with errors or warnings after the last reload, in order of precedence
 */
GListModel *
ak_course_library_get_problems (AkCourseLibrary *self)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/**
 * ak_course_library_lookup:
 *
 * Returns: (transfer none) (nullable): the loaded course with @course_id
 */
AkCourse *
ak_course_library_lookup (AkCourseLibrary *self,
                          const char      *course_id)
{
  AkLibraryFile *file;

  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  file = g_hash_table_lookup (self->winners, course_id);
  return file != NULL ? file->course : NULL;
}

static AkLibraryFile *
find_file (AkCourseLibrary *self,
           const char      *path)
{
  AkLibraryFile *file = g_hash_table_lookup (self->files_by_path, path);
  g_autofree char *canonical = NULL;

  if (file != NULL)
    return file;

  canonical = g_canonicalize_filename (path, NULL);
  for (guint i = 0; i < self->files->len; i++)
    {
      g_autofree char *other = NULL;

      file = g_ptr_array_index (self->files, i);
      other = g_canonicalize_filename (file->path, NULL);
      if (g_str_equal (canonical, other))
        return file;
    }
  return NULL;
}

/**
 * ak_course_library_lookup_file:
 *
 * Returns: (transfer none) (nullable): the course loaded from @path, or
 *   %NULL when @path was not loaded (not on the search path, it has
 *   errors, or another file provides its course)
 */
AkCourse *
ak_course_library_lookup_file (AkCourseLibrary *self,
                               const char      *path)
{
  AkLibraryFile *file;

  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = find_file (self, path);
  if (file == NULL || file->course == NULL ||
      g_hash_table_lookup (self->winners, ak_course_get_id (file->course)) != file)
    return NULL;
  return file->course;
}

/**
 * ak_course_library_list_files:
 *
 * Returns: (transfer full): every file the last reload looked at, loaded or
 *   not, in order of precedence
 */
GStrv
ak_course_library_list_files (AkCourseLibrary *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);

  for (guint i = 0; i < self->files->len; i++)
    g_strv_builder_add (builder, ((AkLibraryFile *)g_ptr_array_index (self->files, i))->path);
  return g_strv_builder_end (builder);
}

/**
 * ak_course_library_get_diagnostics:
 *
 * Returns: (transfer none) (nullable) (element-type AkDiagnostic): the
 *   problems found in @path by the last reload, or %NULL when @path was
 *   not looked at
 */
GPtrArray *
ak_course_library_get_diagnostics (AkCourseLibrary *self,
                                   const char      *path)
{
  AkLibraryFile *file;

  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = find_file (self, path);
  return file != NULL ? file->diagnostics : NULL;
}

guint
ak_course_library_get_n_errors (AkCourseLibrary *self)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), 0);
  return self->n_errors;
}

guint
ak_course_library_get_n_warnings (AkCourseLibrary *self)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), 0);
  return self->n_warnings;
}

/**
 * ak_course_library_set_watch:
 *
 * While @watch is %TRUE, a change to a course file or folder on the search
 * path reloads the library in the background shortly after the last
 * change, reading only the files that changed.
 */
void
ak_course_library_set_watch (AkCourseLibrary *self,
                             gboolean         watch)
{
  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));

  watch = !!watch;
  if ((self->watch != NULL) == watch)
    return;

  if (watch)
    {
      self->watch = ak_library_watch_new (file_changed_cb, self);
      for (guint i = 0; i < self->search_path->len; i++)
        {
          SearchEntry *entry = g_ptr_array_index (self->search_path, i);

          ak_library_watch_add (self->watch, entry->path, entry->is_directory);
        }
      follow_links (self);
    }
  else
    {
      g_clear_pointer (&self->watch, ak_library_watch_free);
      g_clear_handle_id (&self->reload_source, g_source_remove);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH]);
}

gboolean
ak_course_library_get_watch (AkCourseLibrary *self)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), FALSE);
  return self->watch != NULL;
}
