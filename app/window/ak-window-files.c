/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ak-window-files.h"

/*
 * What the window does for courses that travel: opening whole course
 * folders, pointing to the folder when a course file came without its
 * figures, and checking the open course when the window comes back.
 *
 * Inside the Flatpak, files come through the document portal: one file
 * at a time, without the folder beside it, and without change events
 * (xdg-desktop-portal issue 567), so the window looks at the file itself
 * when the learner returns from the editor.
 */

typedef struct
{
  AkWindow        *window;       /* owns this */
  AkCourseLibrary *library;
  AkCourse        *course;       /* shown when the window was left */
  gint64           mtime_usec;
  goffset          size;
  guint            check_source;
  GHashTable      *told;         /* files whose missing figures were pointed out */
  AdwToast        *reload_toast; /* while it is shown */
} Files;

/* Long enough for a change the library was told about to be read first:
 * it waits 300 ms for more changes, then reads in a thread. */
#define CHECK_DELAY_MS 1000

static void
files_free (gpointer data)
{
  Files *files = data;

  g_clear_handle_id (&files->check_source, g_source_remove);
  g_clear_object (&files->course);
  g_clear_object (&files->library);
  g_clear_pointer (&files->told, g_hash_table_unref);
  if (files->reload_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (files->reload_toast),
                                  (gpointer *)&files->reload_toast);
  g_free (files);
}

static Files *
get_files (AkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "ak-window-files");
}

static gboolean
query_stamp (const char *path,
             gint64     *mtime_usec,
             goffset    *size)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC
                            "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return FALSE;
  *mtime_usec = (gint64)g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
                * G_USEC_PER_SEC
                + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  *size = g_file_info_get_size (info);
  return TRUE;
}

/* A path the document portal gave us: its folder is not the folder the
 * learner knows. */
static gboolean
in_document_portal (const char *path)
{
  g_autofree char *user_docs = g_strdup_printf ("/run/user/%u/doc/", (guint)getuid ());

  return g_str_has_prefix (path, user_docs) || g_str_has_prefix (path, "/run/flatpak/doc/");
}

static void
folder_response_cb (AkWindow             *window,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  Files *files = get_files (window);

  if (response == GTK_RESPONSE_ACCEPT && files != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        {
          ak_course_library_open_file (files->library, path);
          ak_course_library_reload_async (files->library, NULL, NULL, NULL);
        }
    }
  g_object_unref (chooser);
}

static void
choose_folder (AkWindow   *window,
               const char *near_file)
{
  GtkFileChooserNative *chooser;

  /* The native chooser goes through the portal where there is one, and
   * the portal lends the whole folder. */
  chooser = gtk_file_chooser_native_new (_("Open Course Folder"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (near_file != NULL && !in_document_portal (near_file))
    {
      g_autoptr(GFile) file = g_file_new_for_path (near_file);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_response_cb), window,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_folder_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  choose_folder (AK_WINDOW (user_data), NULL);
}

static void
reload_course_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  Files *files = get_files (AK_WINDOW (user_data));

  if (files != NULL)
    ak_course_library_reload_async (files->library, NULL, NULL, NULL);
}

static const GActionEntry actions[] = {
  { "open-folder", open_folder_action_cb },
  { "reload-course", reload_course_action_cb },
};

/* The loader's message for a figure that is not there, as it reads in
 * the learner's language: the same catalogue translates both. */
static gboolean
is_missing_figure (const AkDiagnostic *diagnostic)
{
  const char *format = _("The figure file “%s” does not exist");
  const char *mark = strstr (format, "%s");
  g_autofree char *prefix = NULL;

  if (diagnostic->severity != AK_SEVERITY_ERROR || mark == NULL)
    return FALSE;
  prefix = g_strndup (format, mark - format);
  return g_str_has_prefix (diagnostic->message, prefix) &&
         g_str_has_suffix (diagnostic->message, mark + 2);
}

static gboolean
misses_figures (AkCourseLibrary *library,
                const char      *path)
{
  GPtrArray *diagnostics = ak_course_library_get_diagnostics (library, path);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    if (is_missing_figure (g_ptr_array_index (diagnostics, i)))
      return TRUE;
  return FALSE;
}

static void
figures_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AkWindow         *window)
{
  if (g_str_equal (response, "open-folder"))
    choose_folder (window, g_object_get_data (G_OBJECT (dialog), "ak-course-file"));
}

static void
tell_figures_missing (AkWindow   *window,
                      const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the name of a course file */
  body = g_strdup_printf (_("The course file “%s” came without the figures beside it, so the "
                            "course cannot be shown. Open the folder it is in, and its figures "
                            "come along."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Figures Missing"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open-folder", _("Open _Folder…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open-folder",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open-folder");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ak-course-file", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (figures_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ak_window_files_check_figures:
 *
 * Looks for a course file the learner opened on its own that cannot be
 * shown because its figures are missing, and offers to open its folder,
 * once per file.
 *
 * Returns: %TRUE if the learner was told
 */
gboolean
ak_window_files_check_figures (AkWindow *window)
{
  Files *files = get_files (window);
  g_auto(GStrv) opened = NULL;

  g_return_val_if_fail (AK_IS_WINDOW (window), FALSE);

  if (files == NULL || ak_course_library_get_loading (files->library))
    return FALSE;
  opened = ak_course_library_dup_opened_files (files->library);
  for (guint i = 0; opened[i] != NULL; i++)
    {
      if (g_hash_table_contains (files->told, opened[i]) ||
          ak_course_library_lookup_file (files->library, opened[i]) != NULL ||
          !misses_figures (files->library, opened[i]))
        continue;
      g_hash_table_add (files->told, g_strdup (opened[i]));
      tell_figures_missing (window, opened[i]);
      return TRUE;
    }
  return FALSE;
}

/**
 * ak_window_files_remember_course:
 *
 * Notes how the open course's file looks now, to be compared by
 * ak_window_files_check_course().
 */
void
ak_window_files_remember_course (AkWindow *window)
{
  Files *files = get_files (window);
  AkCourse *course;

  g_return_if_fail (AK_IS_WINDOW (window));

  if (files == NULL)
    return;
  course = ak_window_get_course (window);
  g_set_object (&files->course, course);
  if (course == NULL || !query_stamp (ak_course_get_path (course), &files->mtime_usec,
                                      &files->size))
    g_clear_object (&files->course);
}

/**
 * ak_window_files_check_course:
 *
 * Compares the open course's file with how it looked when
 * ak_window_files_remember_course() was called. When it changed and the
 * library has not read it again, offers "Reload" in a toast.
 *
 * Returns: %TRUE if the toast was shown
 */
gboolean
ak_window_files_check_course (AkWindow *window)
{
  Files *files = get_files (window);
  AdwToast *toast;
  gint64 mtime_usec;
  goffset size;

  g_return_val_if_fail (AK_IS_WINDOW (window), FALSE);

  /* A reloaded course is a new AkCourse: then the change is shown already. */
  if (files == NULL || files->course == NULL || files->course != ak_window_get_course (window) ||
      files->reload_toast != NULL)
    return FALSE;
  if (!query_stamp (ak_course_get_path (files->course), &mtime_usec, &size) ||
      (mtime_usec == files->mtime_usec && size == files->size))
    return FALSE;

  files->mtime_usec = mtime_usec;
  files->size = size;
  toast = adw_toast_new (_("The course file was changed"));
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_action_name (toast, "win.reload-course");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  files->reload_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&files->reload_toast);
  ak_window_add_toast (window, toast);
  return TRUE;
}

static gboolean
check_course_cb (gpointer user_data)
{
  AkWindow *window = user_data;
  Files *files = get_files (window);

  if (ak_course_library_get_loading (files->library))
    return G_SOURCE_CONTINUE;
  files->check_source = 0;
  ak_window_files_check_course (window);
  return G_SOURCE_REMOVE;
}

static void
is_active_changed_cb (AkWindow   *window,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  Files *files = get_files (window);

  g_clear_handle_id (&files->check_source, g_source_remove);
  if (!gtk_window_is_active (GTK_WINDOW (window)))
    {
      ak_window_files_remember_course (window);
      return;
    }
  files->check_source = g_timeout_add (CHECK_DELAY_MS, check_course_cb, window);
  g_source_set_name_by_id (files->check_source, "[akademie] check the open course file");
}

static void
library_reloaded_cb (AkWindow *window)
{
  Files *files = get_files (window);

  /* What was read again needs no toast any more. */
  if (files->reload_toast != NULL && files->course != ak_window_get_course (window))
    adw_toast_dismiss (files->reload_toast);
  ak_window_files_check_figures (window);
}

/**
 * ak_window_files_attach:
 *
 * Adds win.open-folder and win.reload-course to @window and starts
 * looking at the open course file when the window comes back.
 */
void
ak_window_files_attach (AkWindow *window)
{
  Files *files;

  g_return_if_fail (AK_IS_WINDOW (window));

  files = g_new0 (Files, 1);
  files->window = window;
  g_object_get (window, "library", &files->library, NULL);
  files->told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_object_set_data_full (G_OBJECT (window), "ak-window-files", files, files_free);

  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), window);
  g_signal_connect (window, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  g_signal_connect_object (files->library, "reloaded", G_CALLBACK (library_reloaded_cb), window,
                           G_CONNECT_SWAPPED);
}
