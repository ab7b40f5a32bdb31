/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-library.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ak-course-loader.h"
#include "ak-xml-document.h"

/* A trainer's editor often saves in several steps (write, rename, touch);
 * wait until the disk has been quiet this long before reloading. */
#define RELOAD_DELAY_MS 300

typedef struct
{
  char         *path;
  gboolean      is_directory;
  GFileMonitor *monitor;        /* while watching */
} SearchEntry;

typedef struct
{
  char          *path;         /* as found on the search path */
  gboolean       explicit;     /* added with add_file, not found in a directory */
  GPtrArray     *diagnostics;  /* AkDiagnostic */
  AkCourse      *course;       /* NULL when the file is not loaded */

  /* Only to place the library's own diagnostics: */
  gboolean       parsed;
  char          *contents;
  AkXmlDocument *document;
} FileEntry;

struct _AkCourseLibrary
{
  GObject     parent_instance;

  GPtrArray  *search_path;      /* SearchEntry, in order of precedence */
  GPtrArray  *files;            /* FileEntry, in load order */
  GHashTable *files_by_path;    /* path → FileEntry */
  GHashTable *files_by_id;      /* course id → FileEntry that provides it */
  GPtrArray  *courses;          /* AkCourse, sorted by title */
  guint       n_errors;
  guint       n_warnings;
  guint       reload_source;
  GHashTable *link_monitors;    /* target path → GFileMonitor, while watching */

  guint       watch : 1;
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
  N_PROPS
};

enum {
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
search_entry_free (SearchEntry *entry)
{
  if (entry->monitor != NULL)
    g_file_monitor_cancel (entry->monitor);
  g_clear_object (&entry->monitor);
  g_free (entry->path);
  g_free (entry);
}

static FileEntry *
file_entry_new (const char *path,
                gboolean    explicit)
{
  FileEntry *file = g_new0 (FileEntry, 1);

  file->path = g_strdup (path);
  file->explicit = explicit;
  file->diagnostics = ak_diagnostic_list_new ();
  return file;
}

static void
file_entry_forget_document (FileEntry *file)
{
  g_clear_pointer (&file->document, ak_xml_document_free);
  g_clear_pointer (&file->contents, g_free);
  file->parsed = FALSE;
}

static void
file_entry_free (FileEntry *file)
{
  g_free (file->path);
  g_ptr_array_unref (file->diagnostics);
  g_clear_object (&file->course);
  file_entry_forget_document (file);
  g_free (file);
}

static gboolean
is_course_file_name (const char *name)
{
  gsize length = strlen (name);

  /* Hidden files include editors' lock and backup files (".#kurs.xml");
   * "KURS.XML" from another system is a course file all the same. */
  return name[0] != '.' && length > 4 && g_ascii_strcasecmp (name + length - 4, ".xml") == 0;
}

/* The model keeps no positions; the few diagnostics the library adds
 * itself are placed by parsing the file once more, which only happens for
 * files that have such a problem. */
static AkXmlDocument *
get_document (FileEntry *file)
{
  if (!file->parsed)
    {
      /* The loader has reported the file's own problems already. */
      g_autoptr(GPtrArray) ignored = ak_diagnostic_list_new ();
      gsize length;

      file->parsed = TRUE;
      if (g_file_get_contents (file->path, &file->contents, &length, NULL))
        file->document = ak_xml_document_parse (file->contents, length, file->path, ignored);
      if (file->document != NULL)
        file->document->text.diagnostics = file->diagnostics;
    }
  return file->document;
}

static xmlNode *
find_question (xmlNode    *root,
               AkQuestion *question)
{
  const char *element = ak_question_type_to_string (question->type);

  for (xmlNode *quiz = ak_xml_first_element (root); quiz; quiz = ak_xml_next_element (quiz))
    {
      if (!ak_xml_is_element (quiz, "quiz"))
        continue;
      for (xmlNode *node = ak_xml_first_element (quiz); node; node = ak_xml_next_element (node))
        if (ak_xml_is_element (node, element)
            && g_strcmp0 (ak_xml_get_attribute (node, "id"), question->id) == 0)
          return node;
    }
  return NULL;
}

/* Adds a diagnostic at @attribute of @question's element, or of the root
 * element when @question is %NULL. Should the file have changed on disk
 * meanwhile, a problem of the root goes to line 1, one of a question to
 * the file as a whole. */
static void
report_at (FileEntry  *file,
           AkQuestion *question,
           const char *attribute,
           AkSeverity  severity,
           const char *format,
           ...) G_GNUC_PRINTF (5, 6);

static void
report_at (FileEntry  *file,
           AkQuestion *question,
           const char *attribute,
           AkSeverity  severity,
           const char *format,
           ...)
{
  AkXmlDocument *document = get_document (file);
  xmlNode *element = NULL;
  va_list args;

  if (document != NULL)
    {
      xmlNode *root = ak_xml_document_get_root (document);

      element = question != NULL ? find_question (root, question) : root;
    }

  va_start (args, format);
  if (element != NULL)
    {
      ak_xml_text_report_valist (&document->text,
                                 ak_xml_document_attribute_offset (document, element, attribute),
                                 severity, format, args);
    }
  else
    {
      AkXmlText text;

      ak_xml_text_init (&text, "", 0, file->path, file->diagnostics);
      ak_xml_text_report_valist (&text, question != NULL ? AK_XML_NO_OFFSET : 0,
                                 severity, format, args);
      ak_xml_text_clear (&text);
    }
  va_end (args);
}

/* The same file may be on the search path twice, e.g. given on the command
 * line and also found in the course folder: it is loaded once. */
static void
add_candidate (GPtrArray  *files,
               GHashTable *seen,
               const char *path,
               gboolean    explicit)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  if (g_hash_table_contains (seen, canonical))
    return;
  g_hash_table_add (seen, g_steal_pointer (&canonical));
  g_ptr_array_add (files, file_entry_new (path, explicit));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
add_directory_candidates (GPtrArray  *files,
                          GHashTable *seen,
                          const char *directory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (directory, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      FileEntry *file;

      /* The user's course folder does not exist until a course is imported. */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return;
      file = file_entry_new (directory, TRUE);
      ak_diagnostic_list_add (file->diagnostics, directory, 0, 0, AK_SEVERITY_ERROR,
                              _("Could not read the course folder: %s"), error->message);
      g_ptr_array_add (files, file);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_course_file_name (name))
        continue;
      path = g_build_filename (directory, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (names, g_steal_pointer (&path));
    }

  /* Sorted, so that precedence between two files of one folder is stable. */
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    add_candidate (files, seen, g_ptr_array_index (names, i), FALSE);
}

/* Two files with one course id are a mistake when they come from the same
 * place: both named on the command line, or both in one folder. From
 * different places, the earlier one overrides the later by design. */
static gboolean
is_same_source (FileEntry *file,
                FileEntry *owner)
{
  g_autofree char *dir = NULL;
  g_autofree char *owner_dir = NULL;

  if (file->explicit || owner->explicit)
    return file->explicit && owner->explicit;

  dir = g_path_get_dirname (file->path);
  owner_dir = g_path_get_dirname (owner->path);
  return g_str_equal (dir, owner_dir);
}

static void
load_file (FileEntry  *file,
           GHashTable *files_by_id)
{
  g_autoptr(AkCourse) course = NULL;
  FileEntry *owner;

  /* The loader says what is wrong with a path: missing, a folder, not
   * readable. */
  course = ak_course_loader_load_file (file->path, file->diagnostics);
  if (course == NULL)
    return;

  owner = g_hash_table_lookup (files_by_id, ak_course_get_id (course));
  if (owner != NULL && is_same_source (file, owner))
    {
      report_at (file, NULL, "id", AK_SEVERITY_ERROR,
                 /* Translators: the second placeholder is a file name */
                 _("The course id “%s” is already used by “%s”; this file is not loaded"),
                 ak_course_get_id (course), owner->path);
      return;
    }
  else if (owner != NULL)
    {
      /* A user's copy of a bundled course is normal: nothing to fix. */
      report_at (file, NULL, "id", AK_SEVERITY_WARNING,
                 /* Translators: the second placeholder is a file name */
                 _("The course “%s” is replaced by the copy in “%s”; this file is not loaded"),
                 ak_course_get_id (course), owner->path);
      return;
    }

  file->course = g_steal_pointer (&course);
  g_hash_table_insert (files_by_id, (char *)ak_course_get_id (file->course), file);
}

/* "course:thesis" references can only be resolved once every file is loaded. */
static void
check_references (FileEntry  *file,
                  GHashTable *files_by_id)
{
  GPtrArray *quizzes = ak_course_get_quizzes (file->course);

  for (guint i = 0; i < quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (quizzes, i);

      for (guint j = 0; j < quiz->questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, j);

          for (guint k = 0; question->tests != NULL && question->tests[k] != NULL; k++)
            {
              const char *reference = question->tests[k];
              const char *colon = strchr (reference, ':');
              g_autofree char *course_id = NULL;
              FileEntry *target;

              if (colon == NULL)
                continue;
              course_id = g_strndup (reference, colon - reference);
              target = g_hash_table_lookup (files_by_id, course_id);
              if (target != NULL && ak_course_find_thesis (target->course, colon + 1, NULL, NULL))
                continue;

              if (target == NULL)
                report_at (file, question, "tests", AK_SEVERITY_WARNING,
                           /* Translators: placeholders are a question id, a thesis
                            * reference "course:thesis" and a course id */
                           _("Question “%s” tests “%s”, but there is no course “%s”"),
                           question->id, reference, course_id);
              else
                report_at (file, question, "tests", AK_SEVERITY_WARNING,
                           /* Translators: placeholders are a question id, a thesis
                            * reference "course:thesis", a course id and a thesis id */
                           _("Question “%s” tests “%s”, but course “%s” has no thesis “%s”"),
                           question->id, reference, course_id, colon + 1);
            }
        }
    }
}

typedef struct
{
  char     *key;
  AkCourse *course;
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

static GPtrArray *
sort_courses (GPtrArray *files)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  GPtrArray *courses = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++)
    {
      FileEntry *file = g_ptr_array_index (files, i);
      SortItem item;

      if (file->course == NULL)
        continue;
      item.key = title_sort_key (ak_course_get_title (file->course));
      item.course = file->course;
      g_array_append_val (items, item);
    }

  g_array_sort (items, compare_sort_items);
  for (guint i = 0; i < items->len; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);

      g_ptr_array_add (courses, g_object_ref (item->course));
      g_free (item->key);
    }
  return courses;
}

static void
schedule_reload (AkCourseLibrary *self);

static gboolean
is_relevant_change (SearchEntry *entry,
                    GFile       *file,
                    GFile       *other_file)
{
  g_autoptr(GFile) directory = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other_name = NULL;

  if (!entry->is_directory)
    return TRUE;

  /* The folder itself appeared or went away. */
  directory = g_file_new_for_path (entry->path);
  if (!g_file_has_parent (file, directory))
    return TRUE;

  name = g_file_get_basename (file);
  other_name = other_file != NULL ? g_file_get_basename (other_file) : NULL;
  /* An editor that saves "kurs.xml" by renaming a temporary file to it. */
  return is_course_file_name (name) || (other_name != NULL && is_course_file_name (other_name));
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  AkCourseLibrary *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    default:
      break;
    }

  for (guint i = 0; i < self->search_path->len; i++)
    {
      SearchEntry *entry = g_ptr_array_index (self->search_path, i);

      if (entry->monitor == monitor)
        {
          if (is_relevant_change (entry, file, other_file))
            schedule_reload (self);
          return;
        }
    }
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  AkCourseLibrary *self = user_data;

  self->reload_source = 0;
  ak_course_library_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (AkCourseLibrary *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
  g_source_set_name_by_id (self->reload_source, "[akademie] reload course library");
}

static void
link_target_changed_cb (GFileMonitor      *monitor,
                        GFile             *file,
                        GFile             *other_file,
                        GFileMonitorEvent  event,
                        gpointer           user_data)
{
  if (event != G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    schedule_reload (user_data);
}

static void
cancel_monitor (gpointer data)
{
  GFileMonitor *monitor = data;

  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

/* A folder monitor sees a link in the folder change, not the file it
 * points to: a trainer who links a course file from a project folder
 * edits the target, which is watched on its own. */
static void
watch_link_targets (AkCourseLibrary *self)
{
  g_autoptr(GHashTable) monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          cancel_monitor);

  for (guint i = 0; self->watch && i < self->files->len; i++)
    {
      FileEntry *file = g_ptr_array_index (self->files, i);
      g_autofree char *target = NULL;
      g_autoptr(GFile) target_file = NULL;
      gpointer key = NULL;
      gpointer monitor = NULL;

      if (!g_file_test (file->path, G_FILE_TEST_IS_SYMLINK) ||
          (target = realpath (file->path, NULL)) == NULL ||
          g_hash_table_contains (monitors, target))
        continue;

      if (g_hash_table_steal_extended (self->link_monitors, target, &key, &monitor))
        {
          g_hash_table_insert (monitors, key, monitor);
          continue;
        }
      target_file = g_file_new_for_path (target);
      monitor = g_file_monitor_file (target_file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (monitor == NULL)
        continue;
      g_signal_connect_object (monitor, "changed", G_CALLBACK (link_target_changed_cb), self, 0);
      g_hash_table_insert (monitors, g_steal_pointer (&target), monitor);
    }

  g_hash_table_unref (self->link_monitors);
  self->link_monitors = g_steal_pointer (&monitors);
}

static void
start_monitor (AkCourseLibrary *self,
               SearchEntry     *entry)
{
  g_autoptr(GFile) file = g_file_new_for_path (entry->path);
  g_autoptr(GError) error = NULL;

  if (entry->is_directory)
    entry->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  else
    entry->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);

  /* Without a monitor the library still works; the trainer reloads by hand. */
  if (entry->monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", entry->path, error->message);
      return;
    }
  g_signal_connect (entry->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

static void
stop_monitor (AkCourseLibrary *self,
              SearchEntry     *entry)
{
  if (entry->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (entry->monitor, self);
  g_file_monitor_cancel (entry->monitor);
  g_clear_object (&entry->monitor);
}

static void
add_search_entry (AkCourseLibrary *self,
                  const char      *path,
                  gboolean         is_directory)
{
  SearchEntry *entry = g_new0 (SearchEntry, 1);

  entry->path = g_strdup (path);
  entry->is_directory = is_directory;
  g_ptr_array_add (self->search_path, entry);
  if (self->watch)
    start_monitor (self, entry);
}

static FileEntry *
find_file (AkCourseLibrary *self,
           const char      *path)
{
  FileEntry *file = g_hash_table_lookup (self->files_by_path, path);
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

  g_clear_handle_id (&self->reload_source, g_source_remove);
  for (guint i = 0; i < self->search_path->len; i++)
    stop_monitor (self, g_ptr_array_index (self->search_path, i));
  if (self->link_monitors != NULL)
    g_hash_table_remove_all (self->link_monitors);

  G_OBJECT_CLASS (ak_course_library_parent_class)->dispose (object);
}

static void
ak_course_library_finalize (GObject *object)
{
  AkCourseLibrary *self = (AkCourseLibrary *)object;

  g_clear_pointer (&self->search_path, g_ptr_array_unref);
  g_clear_pointer (&self->courses, g_ptr_array_unref);
  g_clear_pointer (&self->files_by_id, g_hash_table_unref);
  g_clear_pointer (&self->files_by_path, g_hash_table_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->link_monitors, g_hash_table_unref);

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
      g_value_set_boolean (value, self->watch);
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
}

static void
ak_course_library_init (AkCourseLibrary *self)
{
  self->search_path = g_ptr_array_new_with_free_func ((GDestroyNotify)search_entry_free);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify)file_entry_free);
  self->files_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  self->files_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->courses = g_ptr_array_new_with_free_func (g_object_unref);
  self->link_monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cancel_monitor);
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
 * ak_course_library_reload().
 */
void
ak_course_library_add_directory (AkCourseLibrary *self,
                                 const char      *path)
{
  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));
  g_return_if_fail (path != NULL);

  add_search_entry (self, path, TRUE);
}

/**
 * ak_course_library_add_file:
 * @path: a course file
 *
 * Appends @path to the search path, after everything added before. A file
 * that does not exist is reported as an error. Takes effect on the next
 * ak_course_library_reload().
 */
void
ak_course_library_add_file (AkCourseLibrary *self,
                            const char      *path)
{
  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));
  g_return_if_fail (path != NULL);

  add_search_entry (self, path, FALSE);
}

/**
 * ak_course_library_reload:
 *
 * Loads every file on the search path again: the `*.xml` files directly in
 * each folder (by name) and the files added one by one. A file with errors
 * is left out; every other file is still loaded. When two files declare the
 * same course id, the one earlier on the search path wins. Questions that
 * test a thesis of another course ("course:thesis") are checked against the
 * loaded courses.
 *
 * Emits #GListModel::items-changed once, then #AkCourseLibrary::reloaded.
 */
void
ak_course_library_reload (AkCourseLibrary *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)file_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) files_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) files_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) courses = NULL;
  guint n_errors = 0;
  guint n_warnings = 0;
  guint old_n_items;

  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);

  for (guint i = 0; i < self->search_path->len; i++)
    {
      SearchEntry *entry = g_ptr_array_index (self->search_path, i);

      if (entry->is_directory)
        add_directory_candidates (files, seen, entry->path);
      else
        add_candidate (files, seen, entry->path, TRUE);
    }

  for (guint i = 0; i < files->len; i++)
    {
      FileEntry *file = g_ptr_array_index (files, i);

      if (!ak_diagnostic_list_has_errors (file->diagnostics))
        load_file (file, files_by_id);
    }

  for (guint i = 0; i < files->len; i++)
    {
      FileEntry *file = g_ptr_array_index (files, i);

      if (file->course != NULL)
        check_references (file, files_by_id);
      file_entry_forget_document (file);

      g_hash_table_insert (files_by_path, file->path, file);
      for (guint j = 0; j < file->diagnostics->len; j++)
        {
          AkDiagnostic *diagnostic = g_ptr_array_index (file->diagnostics, j);

          if (diagnostic->severity == AK_SEVERITY_ERROR)
            n_errors++;
          else
            n_warnings++;
        }
    }

  courses = sort_courses (files);

  g_ptr_array_unref (self->files);
  self->files = g_steal_pointer (&files);
  g_hash_table_unref (self->files_by_path);
  self->files_by_path = g_steal_pointer (&files_by_path);
  g_hash_table_unref (self->files_by_id);
  self->files_by_id = g_steal_pointer (&files_by_id);
  watch_link_targets (self);

  old_n_items = self->courses->len;
  g_ptr_array_unref (self->courses);
  self->courses = g_steal_pointer (&courses);
  if (old_n_items > 0 || self->courses->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->courses->len);

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

  g_signal_emit (self, signals[RELOADED], 0);
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
  FileEntry *file;

  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  file = g_hash_table_lookup (self->files_by_id, course_id);
  return file != NULL ? file->course : NULL;
}

/**
 * ak_course_library_lookup_file:
 *
 * Returns: (transfer none) (nullable): the course loaded from @path, or
 *   %NULL when @path was not loaded (not on the search path, or it has errors)
 */
AkCourse *
ak_course_library_lookup_file (AkCourseLibrary *self,
                               const char      *path)
{
  FileEntry *file;

  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = find_file (self, path);
  return file != NULL ? file->course : NULL;
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
    g_strv_builder_add (builder, ((FileEntry *)g_ptr_array_index (self->files, i))->path);
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
  FileEntry *file;

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
 * path reloads the library shortly after the last change.
 */
void
ak_course_library_set_watch (AkCourseLibrary *self,
                             gboolean         watch)
{
  g_return_if_fail (AK_IS_COURSE_LIBRARY (self));

  watch = !!watch;
  if (self->watch == (guint)watch)
    return;

  self->watch = watch;
  for (guint i = 0; i < self->search_path->len; i++)
    {
      SearchEntry *entry = g_ptr_array_index (self->search_path, i);

      if (watch)
        start_monitor (self, entry);
      else
        stop_monitor (self, entry);
    }
  watch_link_targets (self);
  if (!watch)
    g_clear_handle_id (&self->reload_source, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH]);
}

gboolean
ak_course_library_get_watch (AkCourseLibrary *self)
{
  g_return_val_if_fail (AK_IS_COURSE_LIBRARY (self), FALSE);
  return self->watch;
}
