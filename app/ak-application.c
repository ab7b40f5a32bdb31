/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include "ak-application.h"
#include "ak-preferences-window.h"
#include "ak-progress-export.h"
#include "ak-review-reminder.h"
#include "ak-validate-command.h"
#include "ak-verify-command.h"
#include "ak-window.h"

struct _AkApplication
{
  AdwApplication   parent_instance;

  AkCourseLibrary *library;
  AkProgressStore *store;
  AkContext       *context;       /* made once the store is open */
  /* Shown once, in the first window */
  const char      *store_notice_heading;
  char            *store_notice;
  GThread         *store_thread;  /* while the store is being opened */
  GError          *store_error;   /* set by store_thread */
  gboolean         presented;     /* a window was presented: the notice can go there */
  guint            reminder_source;

  guint            options_parsed : 1;
};

/* The exit status for a command line that cannot be understood. */
#define EXIT_USAGE 2

G_DEFINE_FINAL_TYPE (AkApplication, ak_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the given course files (“-” reads one from standard input), print their "
       "problems and exit"), NULL },
  { "export-progress", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the learning progress to a CSV file and exit"), N_("FILE") },
  { "verify-certificate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a certificate of participation against the learning progress and exit"),
    N_("FILE") },
  { "course", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the course with this id"), N_("ID") },
  { "lesson", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open this lesson of the course given with --course"), N_("ID") },
  { "quiz", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open this quiz of the course given with --course"), N_("ID") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

/* Bundled courses come from the installation; an uninstalled build
 * (meson devenv) points at the source tree instead. */
static const char *
get_bundled_courses_dir (void)
{
  const char *dir = g_getenv ("AKADEMIE_BUNDLED_COURSES_DIR");

  return dir != NULL ? dir : PKGDATADIR "/courses";
}

static void
ensure_library (AkApplication *self)
{
  g_autofree char *user_dir = NULL;

  if (self->library != NULL)
    return;

  user_dir = g_build_filename (g_get_user_data_dir (), "akademie", "courses", NULL);
  self->library = ak_course_library_new ();
  ak_course_library_add_directory (self->library, user_dir);
  ak_course_library_add_directory (self->library, get_bundled_courses_dir ());
}

/* The learner can go on without a store, but must know that progress is
 * not kept, or that a damaged file was moved aside. */
static void
take_store (AkApplication   *self,
            AkProgressStore *store,
            GError          *error)
{
  const GError *recovery;

  self->store = store;
  if (self->store == NULL)
    {
      /* The store's messages are written for the learner already. */
      g_message ("%s", error->message);
      self->store_notice_heading = _("Progress Cannot Be Saved");
      self->store_notice = g_strdup (error->message);
      return;
    }

  recovery = ak_progress_store_get_recovery_error (self->store);
  if (recovery != NULL)
    {
      self->store_notice_heading = _("Progress File Damaged");
      self->store_notice = g_strdup (recovery->message);
    }
}

static void
show_store_notice (AkApplication *self,
                   GtkWindow     *window)
{
  if (window == NULL || self->store_notice == NULL)
    return;
  ak_window_show_notice (AK_WINDOW (window), self->store_notice_heading, self->store_notice);
  g_clear_pointer (&self->store_notice, g_free);
}

/* Waits for the store to be open, if it is not yet. */
static void
finish_opening_store (AkApplication *self)
{
  g_autoptr(GError) error = NULL;
  AkProgressStore *store;

  if (self->store_thread == NULL)
    return;
  store = g_thread_join (g_steal_pointer (&self->store_thread));
  if (store == NULL)
    error = g_steal_pointer (&self->store_error);
  take_store (self, store, error);
  if (self->presented)
    show_store_notice (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static gboolean
store_opened_cb (gpointer user_data)
{
  g_autoptr(AkApplication) self = g_weak_ref_get (user_data);

  if (self != NULL)
    finish_opening_store (self);
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gpointer
open_store_thread (gpointer data)
{
  AkApplication *self = data;
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  AkProgressStore *store;

  /* Behind the window's thread, which draws the first frame meanwhile. */
  setpriority (PRIO_PROCESS, (id_t)syscall (SYS_gettid), 10);
  store = ak_progress_store_open (NULL, &self->store_error);

  g_weak_ref_init (ref, self);
  g_idle_add_full (G_PRIORITY_DEFAULT, store_opened_cb, ref, free_weak_ref);
  return store;
}

/* Opening the store checks the database, which takes a while for a
 * learner with a long history: it happens beside the window's first
 * frame, and whoever needs the store first waits for it. */
static void
open_store (AkApplication *self)
{
  self->store_thread = g_thread_new ("akademie-store", open_store_thread, self);
}

/* --course, --lesson and --quiz become the app actions, which reach the
 * running instance if there is one. Returns FALSE with the exit status
 * when the command line is done. */
static gboolean
handle_step_options (AkApplication *self,
                     GVariantDict  *options,
                     int           *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  const char *course = NULL;
  const char *lesson = NULL;
  const char *quiz = NULL;

  g_variant_dict_lookup (options, "course", "&s", &course);
  g_variant_dict_lookup (options, "lesson", "&s", &lesson);
  g_variant_dict_lookup (options, "quiz", "&s", &quiz);
  if (course == NULL && lesson == NULL && quiz == NULL)
    return TRUE;
  if (course == NULL || (lesson != NULL && quiz != NULL))
    {
      g_printerr ("%s\n", _("Give --lesson or --quiz together with --course, and not both."));
      *status = EXIT_USAGE;
      return FALSE;
    }
  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      *status = EXIT_FAILURE;
      return FALSE;
    }

  if (lesson != NULL || quiz != NULL)
    target = g_strdup_printf ("%s/%s", course, lesson != NULL ? lesson : quiz);
  g_action_group_activate_action (G_ACTION_GROUP (self),
                                  lesson != NULL ? "open-lesson"
                                  : quiz != NULL ? "open-quiz" : "open-course",
                                  g_variant_new_string (target != NULL ? target : course));
  return TRUE;
}

/* The name in the settings, when the settings can be read: the command
 * line may run where the schema is not installed. */
static char *
get_settings_learner_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "learner-name"))
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "learner-name");
}

static int
verify_certificate (AkApplication *self,
                    GVariantDict  *options,
                    const char    *path)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr(GOutputStream) err = g_unix_output_stream_new (STDERR_FILENO, FALSE);
  g_autofree char *settings_name = NULL;
  const char *names[2] = { NULL, NULL };

  if (g_variant_dict_contains (options, "validate") ||
      g_variant_dict_contains (options, "export-progress"))
    {
      g_printerr ("%s\n", _("--verify-certificate cannot be used together with --validate or "
                             "--export-progress."));
      return EXIT_USAGE;
    }

  settings_name = get_settings_learner_name ();
  names[0] = settings_name;
  ensure_library (self);
  ak_course_library_reload (self->library);
  return ak_verify_command_run (path, NULL, names, G_LIST_MODEL (self->library), out, err);
}

static int
ak_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  AkApplication *self = AK_APPLICATION (app);
  g_autofree const char **files = NULL;
  const char *export_path = NULL;
  const char *certificate_path = NULL;
  int status;

  self->options_parsed = TRUE;
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", g_get_application_name (), PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "verify-certificate", "^&ay", &certificate_path))
    return verify_certificate (self, options, certificate_path);

  if (g_variant_dict_contains (options, "validate"))
    {
      g_autoptr(GInputStream) in = NULL;

      /* Doing only one of them silently would lose the other. */
      if (g_variant_dict_contains (options, "export-progress"))
        {
          g_printerr ("%s\n", _("--validate and --export-progress cannot be used together."));
          return EXIT_USAGE;
        }
      if (files == NULL || files[0] == NULL)
        {
          g_printerr ("%s\n", _("Give the course files to check, e.g. "
                                 "“akademie --validate course.xml”."));
          return EXIT_USAGE;
        }
      in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      return ak_validate_command_run_stdio (files, in);
    }

  if (g_variant_dict_lookup (options, "export-progress", "^&ay", &export_path))
    {
      ensure_library (self);
      ak_course_library_reload (self->library);
      {
        g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
        g_autoptr(GOutputStream) err = g_unix_output_stream_new (STDERR_FILENO, FALSE);

        return ak_export_progress_command_run (export_path, NULL, G_LIST_MODEL (self->library),
                                               out, err);
      }
    }

  if (!handle_step_options (self, options, &status))
    return status;

  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_application_open (app, (GFile **)gfiles->pdata, gfiles->len, "");
    }

  return -1;
}

/* GApplication reports an unknown option or a missing value itself, with
 * exit status 1 and before handle-local-options runs; status 1 means
 * "a course has errors" here, so the usage error gets its own status. */
static gboolean
ak_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  AkApplication *self = AK_APPLICATION (app);
  gboolean handled;

  self->options_parsed = FALSE;
  handled = G_APPLICATION_CLASS (ak_application_parent_class)->local_command_line (app, arguments,
                                                                                   exit_status);
  if (handled && !self->options_parsed && *exit_status == EXIT_FAILURE)
    {
      /* Translators: %s is the program name, "akademie" */
      g_printerr (_("Run “%s --help” to see the options."), g_get_prgname ());
      g_printerr ("\n");
      *exit_status = EXIT_USAGE;
    }
  return handled;
}

static void
ak_application_startup (GApplication *app)
{
  AkApplication *self = AK_APPLICATION (app);
  g_autoptr(GSettings) settings = NULL;

  G_APPLICATION_CLASS (ak_application_parent_class)->startup (app);

  g_set_application_name (_("Akademie"));
  gtk_window_set_default_icon_name (APP_ID);

  ensure_library (self);
  settings = g_settings_new (APP_ID);
  ak_course_library_remember_opened_files (self->library, settings, "opened-files");
  ak_course_library_set_watch (self->library, TRUE);
  /* The window reads the courses once it is on screen. */

  open_store (self);
}

/* A window holds its application, and GTK does not close windows when the
 * application quits: without this, nothing would ever be finalized, and
 * the progress store would stay open with its -wal and -shm files beside
 * it. Closing the last connection lets SQLite fold the log into the
 * database and remove both. */
static void
ak_application_shutdown (GApplication *app)
{
  AkApplication *self = AK_APPLICATION (app);
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  if (self->library != NULL)
    ak_course_library_set_watch (self->library, FALSE);
  g_clear_object (&self->context);
  g_clear_object (&self->library);
  /* A store still being opened is closed too, so that no -wal is left. */
  finish_opening_store (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_notice, g_free);

  G_APPLICATION_CLASS (ak_application_parent_class)->shutdown (app);
}

/* How often a running Akademie looks whether to remind of the review. */
#define REMINDER_INTERVAL_S (10 * 60)

/* Once a review day, when the learner asked for it and is not using the
 * window, a notification says how many questions are due. It goes
 * through GNotification, so that it also works in the sandbox. */
static gboolean
remind_cb (gpointer user_data)
{
  AkApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 reminded_day;
  guint n_due;

  if (window != NULL && gtk_window_is_active (window))
    return G_SOURCE_CONTINUE;
  if (self->context == NULL || ak_context_get_review_queue (self->context) == NULL ||
      !ak_course_library_get_loaded (self->library))
    return G_SOURCE_CONTINUE;

  settings = g_settings_new (APP_ID);
  if (!g_settings_get_boolean (settings, "review-notifications"))
    return G_SOURCE_CONTINUE;
  reminded_day = g_settings_get_int64 (settings, "review-reminded-day");
  n_due = ak_review_reminder_take_due (ak_context_get_review_queue (self->context), &reminded_day,
                                       &error);
  if (error != NULL)
    g_debug ("No review reminder: %s", error->message);
  g_settings_set_int64 (settings, "review-reminded-day", reminded_day);
  if (n_due == 0)
    return G_SOURCE_CONTINUE;

  notification = g_notification_new (_("Questions to Review"));
  /* Translators: the body of the daily review reminder */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u question is due today: a few minutes keep it in memory.",
                                       "%u questions are due today: a few minutes keep them in memory.",
                                       n_due),
                          n_due);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-review");
  g_application_send_notification (G_APPLICATION (self), "review-due", notification);
  return G_SOURCE_CONTINUE;
}

/* Presents the window, and once, above it, what the learner must know
 * about the progress store. */
static AkWindow *
present_window (AkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ak_window_new (self));
  gtk_window_present (window);

  self->presented = TRUE;
  show_store_notice (self, window);
  if (self->reminder_source == 0)
    {
      self->reminder_source = g_timeout_add_seconds (REMINDER_INTERVAL_S, remind_cb, self);
      g_source_set_name_by_id (self->reminder_source, "[akademie] review reminder");
    }
  return AK_WINDOW (window);
}

static void
ak_application_activate (GApplication *app)
{
  present_window (AK_APPLICATION (app));
}

static void
ak_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  AkApplication *self = AK_APPLICATION (app);
  AkWindow *window;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        ak_course_library_open_file (self->library, path);
    }
  if (ak_course_library_get_loaded (self->library) || ak_course_library_get_loading (self->library))
    ak_course_library_reload_async (self->library, NULL, NULL, NULL);
  window = present_window (self);

  /* With several files, the first is shown; all are in the library. */
  if (n_files > 0)
    {
      g_autofree char *path = g_file_get_path (files[0]);

      if (path != NULL)
        ak_window_open_file (window, path);
    }
}

/* The help of an installed Akademie, in the desktop's help viewer. */
#define HELP_URI "help:akademie"
/* Where no help viewer can show it, such as a sandbox without one. */
#define HELP_ONLINE_URI "https://github.com/smakademie/akademie/tree/v" PACKAGE_VERSION "/help"

/* The notes of this release, the same as in the metainfo (and translated
 * with it), as markup for the About window. */
static char *
dup_release_notes (void)
{
  g_autofree char *intro = g_markup_escape_text (
    _("The first release. Learners read the lessons of the academy's courses, answer quizzes "
      "with eight kinds of questions and get feedback with an explanation at once; their "
      "progress is kept between sessions."), -1);
  g_autofree char *files = g_markup_escape_text (
    _("Course files open with a double click, alone or as a whole course folder with its "
      "figures"), -1);
  g_autofree char *check = g_markup_escape_text (
    _("Trainers check their course files with exact line and column of every problem"), -1);
  g_autofree char *help = g_markup_escape_text (
    _("German interface, with help for learners and trainers"), -1);

  return g_strdup_printf ("<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li></ul>",
                          intro, files, check, help);
}

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    return;
  g_debug ("Cannot show %s: %s", HELP_URI, error->message);
  if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autoptr(GtkUriLauncher) online = gtk_uri_launcher_new (HELP_ONLINE_URI);

      gtk_uri_launcher_launch (online, parent, NULL, NULL, NULL);
    }
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;
  g_debug ("Cannot show %s: %s", HELP_URI, error->message);
  gtk_show_uri (GTK_WINDOW (source), HELP_ONLINE_URI, GDK_CURRENT_TIME);
}
#endif

static void
help_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (HELP_URI);

  gtk_uri_launcher_launch (launcher, parent, NULL, help_launched_cb,
                           parent != NULL ? g_object_ref (parent) : NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  if (parent != NULL)
    gtk_show_uri_full (parent, HELP_URI, GDK_CURRENT_TIME, NULL, help_shown_cb, NULL);
  else
    gtk_show_uri (NULL, HELP_URI, GDK_CURRENT_TIME);
#endif
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AkApplication *self = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;

  window = ak_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                      settings);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AkApplication *self = user_data;
  static const char *developers[] = { "Akademie-Team", NULL };
  g_autofree char *release_notes = dup_release_notes ();
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Akademie"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Akademie team"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/smakademie/akademie",
                        "issue-url", "https://github.com/smakademie/akademie/issues",
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Akademie authors",
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", release_notes,
                        NULL);
  adw_about_window_add_link (ADW_ABOUT_WINDOW (about), _("Help"), HELP_URI);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* app.open-course ("course"), app.open-lesson and app.open-quiz
 * ("course/step"), and app.show-review, for the command line,
 * notifications and tests. */
static void
open_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AkApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  g_autofree char *detailed = g_strconcat ("win.", name, NULL);
  AkWindow *window = present_window (self);

  gtk_widget_activate_action_variant (GTK_WIDGET (window), detailed, parameter);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "help", help_action_cb },
  { "quit", quit_action_cb },
  { "open-course", open_action_cb, "s" },
  { "open-lesson", open_action_cb, "s" },
  { "open-quiz", open_action_cb, "s" },
  /* The review reminder's action */
  { "show-review", open_action_cb },
};

static void
ak_application_dispose (GObject *object)
{
  AkApplication *self = (AkApplication *)object;

  finish_opening_store (self);
  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_object (&self->context);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_notice, g_free);

  G_OBJECT_CLASS (ak_application_parent_class)->dispose (object);
}

static void
ak_application_class_init (AkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ak_application_dispose;

  app_class->local_command_line = ak_application_local_command_line;
  app_class->handle_local_options = ak_application_handle_local_options;
  app_class->startup = ak_application_startup;
  app_class->shutdown = ak_application_shutdown;
  app_class->activate = ak_application_activate;
  app_class->open = ak_application_open;
}

static void
ak_application_init (AkApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *open_folder_accels[] = { "<Control><Shift>o", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
      G_APPLICATION (self), _("Learn with the courses of the social-media academy."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  /* Set here rather than as a window binding, so that the shortcuts
   * window shows it. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-folder",
                                         open_folder_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

AkApplication *
ak_application_new (void)
{
  return g_object_new (AK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * ak_application_get_store:
 *
 * Returns: (nullable): the learner's progress, or %NULL when it cannot be
 *   opened (the learner was told why)
 */
AkProgressStore *
ak_application_get_store (AkApplication *self)
{
  g_return_val_if_fail (AK_IS_APPLICATION (self), NULL);

  finish_opening_store (self);
  return self->store;
}

AkCourseLibrary *
ak_application_get_library (AkApplication *self)
{
  g_return_val_if_fail (AK_IS_APPLICATION (self), NULL);

  ensure_library (self);
  return self->library;
}

/**
 * ak_application_get_context:
 *
 * What the pages share: the library, the store (waited for, if it is
 * still being opened), the settings and the clock.
 *
 * Returns: (transfer none): the application's context
 */
AkContext *
ak_application_get_context (AkApplication *self)
{
  g_autoptr(GSettings) settings = NULL;

  g_return_val_if_fail (AK_IS_APPLICATION (self), NULL);

  if (self->context != NULL)
    return self->context;
  settings = g_settings_new (APP_ID);
  self->context = ak_context_new (ak_application_get_library (self),
                                  ak_application_get_store (self), settings, NULL);
  return self->context;
}
