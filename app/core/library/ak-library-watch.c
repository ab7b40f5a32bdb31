/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-watch.h"

#include <stdlib.h>

#include "ak-library-scan.h"

typedef struct
{
  AkLibraryWatch *watch;
  char           *path;
  gboolean        is_directory;
  GFileMonitor   *monitor;
} Entry;

struct _AkLibraryWatch
{
  AkLibraryWatchFunc  func;
  gpointer            user_data;
  GPtrArray          *entries;       /* Entry, one per search path entry */
  GHashTable         *link_monitors; /* target path → GFileMonitor */
};

static void
cancel_monitor (gpointer data)
{
  GFileMonitor *monitor = data;

  g_signal_handlers_disconnect_matched (monitor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                        g_object_get_data (G_OBJECT (monitor), "ak-watch"));
  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

static void
entry_free (Entry *entry)
{
  if (entry->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (entry->monitor, entry);
      g_file_monitor_cancel (entry->monitor);
      g_object_unref (entry->monitor);
    }
  g_free (entry->path);
  g_free (entry);
}

AkLibraryWatch *
ak_library_watch_new (AkLibraryWatchFunc func,
                      gpointer           user_data)
{
  AkLibraryWatch *self = g_new0 (AkLibraryWatch, 1);

  self->func = func;
  self->user_data = user_data;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  self->link_monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cancel_monitor);
  return self;
}

void
ak_library_watch_free (AkLibraryWatch *self)
{
  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->link_monitors);
  g_free (self);
}

static gboolean
is_relevant_change (Entry *entry,
                    GFile *file,
                    GFile *other_file)
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
  return ak_library_is_course_file_name (name) ||
         (other_name != NULL && ak_library_is_course_file_name (other_name));
}

static void
report (AkLibraryWatch *self,
        GFile          *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  self->func (path, self->user_data);
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  Entry *entry = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    default:
      break;
    }

  if (!is_relevant_change (entry, file, other_file))
    return;
  report (entry->watch, file);
  if (other_file != NULL)
    report (entry->watch, other_file);
}

/**
 * ak_library_watch_add:
 *
 * Watches one entry of the search path. Without a monitor the library
 * still works; the trainer reloads by hand.
 */
void
ak_library_watch_add (AkLibraryWatch *self,
                      const char     *path,
                      gboolean        is_directory)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  entry->watch = self;
  entry->path = g_strdup (path);
  entry->is_directory = is_directory;
  g_ptr_array_add (self->entries, entry);

  if (is_directory)
    entry->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  else
    entry->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (entry->monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", path, error->message);
      return;
    }
  g_signal_connect (entry->monitor, "changed", G_CALLBACK (monitor_changed_cb), entry);
}

static void
link_target_changed_cb (GFileMonitor      *monitor,
                        GFile             *file,
                        GFile             *other_file,
                        GFileMonitorEvent  event,
                        gpointer           user_data)
{
  if (event != G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    report (user_data, NULL);
}

/**
 * ak_library_watch_follow_links:
 * @paths: the course files found on the search path
 *
 * A folder monitor sees a link in the folder change, not the file it
 * points to: a trainer who links a course file from a project folder
 * edits the target, which is watched on its own.
 */
void
ak_library_watch_follow_links (AkLibraryWatch    *self,
                               const char *const *paths,
                               guint              n_paths)
{
  g_autoptr(GHashTable) monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          cancel_monitor);

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GFile) target_file = NULL;
      gpointer key = NULL;
      gpointer monitor = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_SYMLINK) ||
          (target = realpath (paths[i], NULL)) == NULL ||
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
      g_object_set_data (monitor, "ak-watch", self);
      g_signal_connect (monitor, "changed", G_CALLBACK (link_target_changed_cb), self);
      g_hash_table_insert (monitors, g_steal_pointer (&target), monitor);
    }

  g_hash_table_unref (self->link_monitors);
  self->link_monitors = g_steal_pointer (&monitors);
}
