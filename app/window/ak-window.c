/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ak-course-overview.h"
#include "ak-course-parts.h"
#include "ak-course-row.h"
#include "ak-problem-row.h"
#include "ak-window.h"
#include "ak-window-files.h"

struct _AkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwPreferencesGroup *courses_group;
  GtkListBox          *course_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problem_list;
  GtkSpinner          *loading_spinner;
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  AdwWindowTitle      *content_title;
  GtkButton           *back_button;
  GtkStack            *content_stack;
  AkCourseOverview    *overview;

  AkContext           *context;
  AkCourseLibrary     *library;
  GSettings           *settings;
  AkCourse            *course;             /* the open course */
  GtkWidget           *page;               /* a step of it, above the overview */

  /* What was asked for before the library could answer */
  char                *pending_course_id;
  char                *pending_lesson_id;
  char                *pending_quiz_id;
  char                *pending_path;
  gboolean             restored;           /* the last course was looked for */
  char                *focused_course_id;  /* while the course list is rebuilt */
  guint                loading_source;     /* until the loading page is shown */
};

/* Courses that load quicker than this appear without a loading page
 * flashing up first. */
#define LOADING_PAGE_DELAY_MS 400

G_DEFINE_FINAL_TYPE (AkWindow, ak_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_course_row_cb (gpointer item,
                      gpointer user_data)
{
  GtkWidget *row = GTK_WIDGET (ak_course_row_new (AK_COURSE (item)));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", ak_course_get_id (item));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-course");
  return row;
}

/* A file with problems: errors (not loaded) or warnings only. */
static GtkWidget *
create_problem_row_cb (gpointer item,
                       gpointer user_data)
{
  AkWindow *self = user_data;
  AkLibraryProblem *problem = AK_LIBRARY_PROBLEM (item);
  GtkWidget *row = GTK_WIDGET (ak_problem_row_new (ak_library_problem_get_path (problem),
                                                   ak_library_problem_get_diagnostics (problem)));
  GListModel *problems = ak_course_library_get_problems (self->library);

  /* A trainer working on one file wants its problems in sight at once. */
  if (g_list_model_get_n_items (problems) == 1)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

static gboolean
show_loading_cb (gpointer user_data)
{
  AkWindow *self = user_data;

  self->loading_source = 0;
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  return G_SOURCE_REMOVE;
}

/* Before the first courses are read the window is blank, and says that
 * it is loading only when that takes noticeable time. */
static gboolean
update_loading (AkWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (ak_course_library_get_loaded (self->library))
    {
      g_clear_handle_id (&self->loading_source, g_source_remove);
      gtk_spinner_stop (self->loading_spinner);
      return FALSE;
    }
  if (g_strcmp0 (page, "blank") == 0 && self->loading_source == 0)
    {
      self->loading_source = g_timeout_add (LOADING_PAGE_DELAY_MS, show_loading_cb, self);
      g_source_set_name_by_id (self->loading_source, "[akademie] show loading page");
    }
  return TRUE;
}

/* The courses are read once the window is on screen, so that reading
 * them does not slow its first frame down. */
static void
first_frame_cb (GdkFrameClock *clock,
                AkWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (!ak_course_library_get_loaded (self->library) &&
      !ak_course_library_get_loading (self->library))
    ak_course_library_reload_async (self->library, NULL, NULL, NULL);
}

static void
map_cb (AkWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!ak_course_library_get_loaded (self->library))
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_cb), self, 0);
}

static void
update_view (AkWindow *self)
{
  guint n_courses = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  guint n_problems = g_list_model_get_n_items (ak_course_library_get_problems (self->library));
  g_autofree char *subtitle = NULL;

  if (update_loading (self))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->courses_group), n_courses > 0);

  if (n_courses == 0 && n_problems == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  /* Translators: the window subtitle, counting the loaded courses */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", n_courses),
                              n_courses);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "courses");
}

/* A reload replaces the rows of changed courses, and the focus would
 * jump to the first row when the focused one goes: the course a keyboard
 * user was on is noted before the rows go (this runs before the list
 * box's own handler) and focused again once the reload is done. */
static void
courses_changing_cb (AkWindow   *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, AK_TYPE_COURSE_ROW) : NULL;

  if (row == NULL || !gtk_widget_is_ancestor (row, GTK_WIDGET (self->course_list)) ||
      self->focused_course_id != NULL)
    return;
  self->focused_course_id = g_strdup (ak_course_get_id (ak_course_row_get_course (
                                                           AK_COURSE_ROW (row))));
}

static void
restore_course_focus (AkWindow *self)
{
  g_autofree char *course_id = g_steal_pointer (&self->focused_course_id);
  GtkListBoxRow *row;

  for (int i = 0; course_id != NULL && (row = gtk_list_box_get_row_at_index (self->course_list, i));
       i++)
    {
      AkCourse *course = ak_course_row_get_course (AK_COURSE_ROW (row));

      if (g_str_equal (ak_course_get_id (course), course_id))
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

static AkProgressStore *
get_store (AkWindow *self)
{
  GtkApplication *app;

  /* The application's context is asked for only now: it waits for the
   * store, which opens beside the first frame. */
  if (self->context == NULL)
    {
      app = gtk_window_get_application (GTK_WINDOW (self));
      if (AK_IS_APPLICATION (app))
        self->context = g_object_ref (ak_application_get_context (AK_APPLICATION (app)));
    }
  return self->context != NULL ? ak_context_get_store (self->context) : NULL;
}

static void
show_toast (AkWindow   *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
update_navigation (AkWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *pane = adw_leaflet_get_visible_child_name (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          self->page != NULL || (folded && g_strcmp0 (pane, "content") == 0));
}

static void
remove_page (AkWindow *self)
{
  if (self->page == NULL)
    return;
  gtk_stack_remove (self->content_stack, g_steal_pointer (&self->page));
}

static void
show_course_title (AkWindow *self)
{
  adw_window_title_set_title (self->content_title,
                              self->course != NULL ? ak_course_get_title (self->course) : "");
  adw_window_title_set_subtitle (self->content_title, NULL);
}

static void
show_course (AkWindow *self,
             AkCourse *course)
{
  g_set_object (&self->course, course);
  remove_page (self);
  ak_course_overview_set_store (self->overview, get_store (self));
  ak_course_overview_set_course (self->overview, course);
  gtk_stack_set_visible_child_name (self->content_stack, "overview");
  show_course_title (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  g_settings_set_string (self->settings, "last-course", ak_course_get_id (course));
  update_navigation (self);
}

static void
show_no_course (AkWindow *self)
{
  g_clear_object (&self->course);
  remove_page (self);
  ak_course_overview_set_course (self->overview, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  show_course_title (self);
  update_navigation (self);
}

/* Until the lesson reader and the quiz page exist, a step is named on a
 * status page, so that the way there can be used and tested. */
static void
show_step (AkWindow   *self,
           AkCourse   *course,
           const char *lesson_id,
           const char *quiz_id)
{
  const AkLesson *lesson = lesson_id != NULL ? ak_course_get_lesson_by_id (course, lesson_id)
                                             : NULL;
  const AkQuiz *quiz = quiz_id != NULL ? ak_course_find_quiz (course, quiz_id) : NULL;
  GtkWidget *page;
  const char *title;

  if (lesson == NULL && quiz == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the id of a lesson or quiz asked for by a link */
      message = g_strdup_printf (_("The course has no lesson or quiz “%s”"),
                                 lesson_id != NULL ? lesson_id : quiz_id);
      show_toast (self, message);
      return;
    }

  title = lesson != NULL ? ak_lesson_get_title (lesson) : ak_quiz_get_title (quiz);
  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page),
                                 lesson != NULL ? "accessories-dictionary-symbolic"
                                                : "dialog-question-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   lesson != NULL
                                   ? _("Lessons cannot be read in this version yet.")
                                   : _("Quizzes cannot be taken in this version yet."));
  ak_window_show_page (self, page, title);
}

static gboolean
split_step_target (const char  *target,
                   char       **course_id,
                   char       **step_id)
{
  const char *slash = strchr (target, '/');

  if (slash == NULL || slash == target || slash[1] == '\0')
    return FALSE;
  *course_id = g_strndup (target, slash - target);
  *step_id = g_strdup (slash + 1);
  return TRUE;
}

static void
clear_pending (AkWindow *self)
{
  g_clear_pointer (&self->pending_course_id, g_free);
  g_clear_pointer (&self->pending_lesson_id, g_free);
  g_clear_pointer (&self->pending_quiz_id, g_free);
}

/* Answers what was asked for once the library has read its courses. */
static void
resolve_pending (AkWindow *self)
{
  AkCourse *course;

  if (!ak_course_library_get_loaded (self->library))
    return;

  if (self->pending_path != NULL)
    {
      course = ak_course_library_lookup_file (self->library, self->pending_path);
      if (course != NULL)
        {
          g_clear_pointer (&self->pending_path, g_free);
          show_course (self, course);
        }
      else if (!ak_course_library_get_loading (self->library))
        /* Its problems are in the sidebar. */
        g_clear_pointer (&self->pending_path, g_free);
      self->restored = TRUE;
    }

  if (self->pending_course_id != NULL)
    {
      course = ak_course_library_lookup (self->library, self->pending_course_id);
      if (course == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a course id given on the command line */
          message = g_strdup_printf (_("There is no course “%s”"), self->pending_course_id);
          show_toast (self, message);
        }
      else
        {
          show_course (self, course);
          if (self->pending_lesson_id != NULL || self->pending_quiz_id != NULL)
            show_step (self, course, self->pending_lesson_id, self->pending_quiz_id);
        }
      clear_pending (self);
      self->restored = TRUE;
    }

  /* The learner comes back to the course of last time. */
  if (!self->restored)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-course");

      self->restored = TRUE;
      course = *last != '\0' ? ak_course_library_lookup (self->library, last) : NULL;
      if (course != NULL && self->course == NULL)
        show_course (self, course);
    }
}

/* A changed course file is read again: the learner stays where they were,
 * by the ids of the course. */
static void
course_replaced_cb (AkWindow        *self,
                    AkCourse        *old,
                    AkCourse        *replacement,
                    AkCourseLibrary *library)
{
  if (self->course == NULL || self->course != old)
    return;
  if (replacement == NULL)
    {
      show_no_course (self);
      show_toast (self, _("The course was removed"));
      return;
    }
  g_set_object (&self->course, replacement);
  ak_course_overview_set_course (self->overview, replacement);
  if (self->page == NULL)
    show_course_title (self);
  show_toast (self, _("Course reloaded"));
}

static gboolean
go_back (AkWindow *self)
{
  if (self->page != NULL)
    {
      remove_page (self);
      gtk_stack_set_visible_child_name (self->content_stack,
                                        self->course != NULL ? "overview" : "none");
      show_course_title (self);
      update_navigation (self);
      return TRUE;
    }
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
      update_navigation (self);
      return TRUE;
    }
  return FALSE;
}

static void
go_back_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  go_back (AK_WINDOW (widget));
}

/* The back button of a mouse. */
static void
back_button_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        AkWindow        *self)
{
  if (go_back (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
open_course_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ak_window_open (AK_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL, NULL);
}

static void
open_step_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autofree char *course_id = NULL;
  g_autofree char *step_id = NULL;
  gboolean lesson = g_str_equal (action_name, "win.open-lesson");

  if (!split_step_target (g_variant_get_string (parameter, NULL), &course_id, &step_id))
    {
      g_warning ("%s: “%s” is not “course/step”", action_name,
                 g_variant_get_string (parameter, NULL));
      return;
    }
  ak_window_open (AK_WINDOW (widget), course_id, lesson ? step_id : NULL,
                  lesson ? NULL : step_id);
}

static void
library_reloaded_cb (AkWindow        *self,
                     AkCourseLibrary *library)
{
  update_view (self);
  restore_course_focus (self);
  resolve_pending (self);
}

static void
open_response_cb (AkWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          ak_course_library_open_file (self->library, path);
          ak_course_library_reload_async (self->library, NULL, NULL, NULL);
        }
    }

  g_object_unref (chooser);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AkWindow *self = AK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Course File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Course files"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A text editor rather than whatever shows XML, often a web browser. In
 * a sandbox no editor is known here, and the portal lets the trainer pick
 * one. The file comes as a URI: its name on disk need not be UTF-8. */
static void
edit_course_file_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GAppInfo) editor = g_app_info_get_default_for_type ("text/plain", FALSE);
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  GList files = { file, NULL, NULL };

  if (editor != NULL)
    {
      context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                        gtk_widget_get_display (widget)));
      if (g_app_info_launch (editor, &files, context, &error))
        return;
      g_debug ("Cannot open %s in %s: %s", uri, g_app_info_get_name (editor), error->message);
    }
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static void
set_empty_description (AkWindow *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "akademie", "courses", NULL);
  g_autofree char *home_dir = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *description = NULL;

  /* Show the folder the way the learner knows it, with "~" for home. */
  if (g_str_has_prefix (dir, g_get_home_dir ()))
    home_dir = g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL);
  escaped = g_markup_escape_text (home_dir != NULL ? home_dir : dir, -1);

  /* Translators: %s is a folder such as ~/.local/share/akademie/courses */
  description = g_strdup_printf (_("Open a course file, or put course files into %s."), escaped);
  adw_status_page_set_description (self->empty_page, description);
}

/* For tests/bench/bench-startup: when the first frame is painted, print
 * the time and the peak memory so far, and exit. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  g_autofree char *status = NULL;
  const char *peak = NULL;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    peak = strstr (status, "VmHWM:");
  printf ("first-frame %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time (),
          peak != NULL ? (guint)g_ascii_strtoull (peak + strlen ("VmHWM:"), NULL, 10) : 0);
  fflush (stdout);
  _exit (0);
}

static void
bench_map_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), NULL);
}

static void
ak_window_constructed (GObject *object)
{
  AkWindow *self = (AkWindow *)object;

  G_OBJECT_CLASS (ak_window_parent_class)->constructed (object);

  if (self->library == NULL && self->context != NULL)
    self->library = g_object_ref (ak_context_get_library (self->context));
  g_assert (self->library != NULL);
  g_signal_connect_object (self->library, "items-changed",
                           G_CALLBACK (courses_changing_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->course_list, G_LIST_MODEL (self->library),
                           create_course_row_cb, NULL, NULL);
  gtk_list_box_bind_model (self->problem_list, ak_course_library_get_problems (self->library),
                           create_problem_row_cb, self, NULL);
  g_signal_connect_object (self->library, "reloaded",
                           G_CALLBACK (library_reloaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "course-replaced",
                           G_CALLBACK (course_replaced_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  ak_window_files_attach (self);
  update_view (self);
  resolve_pending (self);
}

static void
ak_window_dispose (GObject *object)
{
  AkWindow *self = (AkWindow *)object;

  if (self->course_list != NULL)
    gtk_list_box_bind_model (self->course_list, NULL, NULL, NULL, NULL);
  if (self->problem_list != NULL)
    gtk_list_box_bind_model (self->problem_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_WINDOW);
  self->page = NULL;
  g_clear_object (&self->library);
  g_clear_object (&self->context);
  g_clear_object (&self->course);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_pointer (&self->focused_course_id, g_free);
  g_clear_pointer (&self->pending_path, g_free);
  clear_pending (self);

  G_OBJECT_CLASS (ak_window_parent_class)->dispose (object);
}

static void
ak_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AkWindow *self = AK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AkWindow *self = AK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_window_class_init (AkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ak_window_constructed;
  object_class->dispose = ak_window_dispose;
  object_class->get_property = ak_window_get_property;
  object_class->set_property = ak_window_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         AK_TYPE_COURSE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Without one, the application's is used once a course is opened. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         AK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/ak-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, courses_group);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, course_list);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, problem_list);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, overview);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-course-file", "s",
                                   edit_course_file_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-course", "s", open_course_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-lesson", "s", open_step_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-quiz", "s", open_step_action_cb);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);

  g_type_ensure (AK_TYPE_COURSE_OVERVIEW);
}

static void
ak_window_init (AkWindow *self)
{
  GtkGesture *back_click;

  gtk_widget_init_template (GTK_WIDGET (self));

  back_click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back_click), 8);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (back_click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (back_click, "pressed", G_CALLBACK (back_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back_click));
  g_signal_connect_swapped (self->leaflet, "notify::folded",
                            G_CALLBACK (update_navigation), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child",
                            G_CALLBACK (update_navigation), self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width",
                   self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height",
                   self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized",
                   self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  set_empty_description (self);

  if (g_getenv ("AKADEMIE_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (bench_map_cb), NULL);
}

AkWindow *
ak_window_new (AkApplication *application)
{
  g_return_val_if_fail (AK_IS_APPLICATION (application), NULL);

  return g_object_new (AK_TYPE_WINDOW,
                       "application", application,
                       "library", ak_application_get_library (application),
                       NULL);
}

/**
 * ak_window_show_notice:
 * @heading: a short title
 * @body: the whole message
 *
 * Tells the learner something that must not go unnoticed, such as a
 * progress file that was moved aside, and waits until it is acknowledged.
 */
void
ak_window_show_notice (AkWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (AK_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (body != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ak_window_show_page:
 * @page: (transfer floating): the widget that shows a step of the open
 *   course, such as a lesson
 * @title: the title of the content pane while @page is shown
 *
 * Shows @page in the content pane instead of the course overview, in
 * place of the page shown before. Back (the button, Alt+Left, the mouse's
 * back button) returns to the overview.
 */
void
ak_window_show_page (AkWindow   *self,
                     GtkWidget  *page,
                     const char *title)
{
  g_return_if_fail (AK_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  remove_page (self);
  self->page = page;
  gtk_stack_add_child (self->content_stack, page);
  gtk_stack_set_visible_child (self->content_stack, page);
  adw_window_title_set_title (self->content_title, title != NULL ? title : "");
  adw_window_title_set_subtitle (self->content_title,
                                 self->course != NULL ? ak_course_get_title (self->course) : NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_navigation (self);
}

/**
 * ak_window_open:
 * @course_id: the course to open
 * @lesson_id: (nullable): a lesson of it to open
 * @quiz_id: (nullable): a quiz of it to open, if no lesson is given
 *
 * Opens a course or one of its steps by id. While the library is still
 * reading its courses, the request waits for it.
 */
void
ak_window_open (AkWindow   *self,
                const char *course_id,
                const char *lesson_id,
                const char *quiz_id)
{
  g_return_if_fail (AK_IS_WINDOW (self));
  g_return_if_fail (course_id != NULL);

  clear_pending (self);
  self->pending_course_id = g_strdup (course_id);
  self->pending_lesson_id = g_strdup (lesson_id);
  self->pending_quiz_id = lesson_id == NULL ? g_strdup (quiz_id) : NULL;
  resolve_pending (self);
}

/**
 * ak_window_open_file:
 * @path: a course file the library was just told to open
 *
 * Opens the course in @path once the library has read it.
 */
void
ak_window_open_file (AkWindow   *self,
                     const char *path)
{
  g_return_if_fail (AK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->pending_path);
  self->pending_path = g_strdup (path);
  /* The file is read by the next reload, not the one that is done. */
  if (ak_course_library_get_loaded (self->library) && !ak_course_library_get_loading (self->library) &&
      ak_course_library_lookup_file (self->library, path) != NULL)
    resolve_pending (self);
}

/**
 * ak_window_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast at the bottom of the window.
 */
void
ak_window_add_toast (AkWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (AK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * ak_window_get_course:
 *
 * Returns: (nullable) (transfer none): the open course
 */
AkCourse *
ak_window_get_course (AkWindow *self)
{
  g_return_val_if_fail (AK_IS_WINDOW (self), NULL);

  return self->course;
}
