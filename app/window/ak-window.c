/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ak-course-overview.h"
#include "ak-course-parts.h"
#include "ak-lesson-page.h"
#include "ak-library-sidebar.h"
#include "ak-quiz-page.h"
#include "ak-review-page.h"
#include "ak-statistics-page.h"
#include "ak-window.h"
#include "ak-window-files.h"

struct _AkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  AkLibrarySidebar    *library_sidebar;
  GtkListBoxRow       *review_row;
  GtkLabel            *review_count;
  guint                review_count_source;
  gboolean             store_watched;
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  AdwWindowTitle      *content_title;
  GtkButton           *back_button;
  GtkStack            *content_stack;
  AkCourseOverview    *overview;           /* made when a course is first opened */

  AkContext           *context;
  AkCourseLibrary     *library;
  GSettings           *settings;
  AkCourse            *course;             /* the open course */
  GPtrArray           *pages;              /* steps of it above the overview, the shown last */

  /* What was asked for before the library could answer */
  char                *pending_course_id;
  char                *pending_lesson_id;
  char                *pending_quiz_id;
  char                *pending_section_id;
  char                *pending_path;
  gboolean             restored;           /* the last course was looked for */
};

G_DEFINE_FINAL_TYPE (AkWindow, ak_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  if (!ak_course_library_get_loaded (self->library) || (n_courses == 0 && n_problems == 0))
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  /* Translators: the window subtitle, counting the loaded courses */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", n_courses),
                              n_courses);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static AkContext *
get_context (AkWindow *self)
{
  GtkApplication *app;

  /* The application's context is asked for only now: it waits for the
   * store, which opens beside the first frame. */
  if (self->context == NULL)
    {
      app = gtk_window_get_application (GTK_WINDOW (self));
      if (AK_IS_APPLICATION (app))
        self->context = g_object_ref (ak_application_get_context (AK_APPLICATION (app)));
      if (self->context != NULL)
        ak_library_sidebar_set_store (self->library_sidebar, ak_context_get_store (self->context));
    }
  return self->context;
}

static AkProgressStore *
get_store (AkWindow *self)
{
  AkContext *context = get_context (self);

  return context != NULL ? ak_context_get_store (context) : NULL;
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
                          self->pages->len > 0 || (folded && g_strcmp0 (pane, "content") == 0));
}

static GtkWidget *
get_top_page (AkWindow *self)
{
  return self->pages->len > 0 ? g_ptr_array_index (self->pages, self->pages->len - 1) : NULL;
}

static void
show_course_title (AkWindow *self)
{
  GtkWidget *page = get_top_page (self);
  const char *course_title = self->course != NULL ? ak_course_get_title (self->course) : "";

  if (page == NULL)
    {
      adw_window_title_set_title (self->content_title, course_title);
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }
  adw_window_title_set_title (self->content_title, g_object_get_data (G_OBJECT (page), "ak-title"));
  adw_window_title_set_subtitle (self->content_title,
                                 g_object_get_data (G_OBJECT (page), "ak-subtitle"));
}

/* Leaving the final exam before its end does not end the attempt; the
 * learner is told so, as a closed exam would otherwise look lost. */
static void
note_leaving (AkWindow  *self,
              GtkWidget *page)
{
  if (AK_IS_QUIZ_PAGE (page) && ak_quiz_page_get_leaving_open_exam (AK_QUIZ_PAGE (page)))
    show_toast (self, _("The exam stays open: continue it from the course overview"));
}

/* The page under the top one, or the overview, is shown again. */
static void
pop_page (AkWindow *self)
{
  GtkWidget *page = get_top_page (self);
  GtkWidget *below;

  if (page == NULL)
    return;
  note_leaving (self, page);
  g_ptr_array_set_size (self->pages, self->pages->len - 1);
  below = get_top_page (self);
  if (below != NULL)
    gtk_stack_set_visible_child (self->content_stack, below);
  else
    gtk_stack_set_visible_child_name (self->content_stack,
                                      self->course != NULL ? "overview" : "none");
  gtk_stack_remove (self->content_stack, page);
}

static void
remove_pages (AkWindow *self)
{
  while (self->pages->len > 0)
    pop_page (self);
}

static void
push_page (AkWindow   *self,
           GtkWidget  *page,
           AkCourse   *course,
           const char *title)
{
  g_object_set_data_full (G_OBJECT (page), "ak-title", g_strdup (title != NULL ? title : ""),
                          g_free);
  g_object_set_data_full (G_OBJECT (page), "ak-subtitle",
                          g_strdup (course != NULL ? ak_course_get_title (course) : NULL),
                          g_free);
  g_ptr_array_add (self->pages, page);
  gtk_stack_add_child (self->content_stack, page);
  gtk_stack_set_visible_child (self->content_stack, page);
  show_course_title (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_navigation (self);
}

/* What the learner had open, so that the next start returns there. */
static void
remember_place (AkWindow   *self,
                const char *kind,
                const char *step_id)
{
  g_autofree char *place = kind != NULL ? g_strconcat (kind, ":", step_id, NULL) : NULL;

  g_settings_set_string (self->settings, "last-step", place != NULL ? place : "");
}

static void
show_course (AkWindow *self,
             AkCourse *course)
{
  g_set_object (&self->course, course);
  remove_pages (self);
  /* Made only now, so that it does not slow the first frame down. */
  if (self->overview == NULL)
    {
      self->overview = ak_course_overview_new ();
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->overview), "overview");
    }
  ak_course_overview_set_store (self->overview, get_store (self));
  ak_course_overview_set_course (self->overview, course);
  gtk_stack_set_visible_child_name (self->content_stack, "overview");
  show_course_title (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  g_settings_set_string (self->settings, "last-course", ak_course_get_id (course));
  ak_library_sidebar_set_open_course (self->library_sidebar, ak_course_get_id (course));
  remember_place (self, NULL, NULL);
  update_navigation (self);
}

static void
show_no_course (AkWindow *self)
{
  g_clear_object (&self->course);
  ak_library_sidebar_set_open_course (self->library_sidebar, NULL);
  remove_pages (self);
  if (self->overview != NULL)
    ak_course_overview_set_course (self->overview, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  show_course_title (self);
  update_navigation (self);
}

static void open_lesson_page (AkWindow   *self,
                              AkCourse   *course,
                              const char *lesson_id,
                              const char *section_id,
                              gboolean    above);

static void
lesson_page_open_lesson_cb (AkWindow     *self,
                            const char   *lesson_id,
                            AkLessonPage *page)
{
  /* Previous and next lesson take the place of this one. */
  open_lesson_page (self, ak_lesson_page_get_course (page), lesson_id, NULL, FALSE);
}

/* Shows a lesson of the open course. @above keeps the page under it,
 * such as a quiz that sent the learner to reread a section, so that Back
 * returns there. */
static void
open_lesson_page (AkWindow   *self,
                  AkCourse   *course,
                  const char *lesson_id,
                  const char *section_id,
                  gboolean    above)
{
  const AkLesson *lesson = ak_course_get_lesson_by_id (course, lesson_id);
  GtkWidget *page;

  g_return_if_fail (lesson != NULL);

  if (above)
    {
      GtkWidget *top = get_top_page (self);

      /* A lesson that is open already is scrolled, not stacked again. */
      if (AK_IS_LESSON_PAGE (top) && ak_lesson_page_get_course (AK_LESSON_PAGE (top)) == course &&
          g_strcmp0 (ak_lesson_page_get_lesson_id (AK_LESSON_PAGE (top)), lesson_id) == 0)
        {
          if (section_id != NULL)
            ak_lesson_page_scroll_to_section (AK_LESSON_PAGE (top), section_id);
          return;
        }
    }
  else if (AK_IS_LESSON_PAGE (get_top_page (self)))
    pop_page (self);
  else
    remove_pages (self);

  page = ak_lesson_page_new (get_context (self), course, lesson_id, section_id);
  g_signal_connect_object (page, "open-lesson", G_CALLBACK (lesson_page_open_lesson_cb),
                           self, G_CONNECT_SWAPPED);
  push_page (self, page, course, ak_lesson_get_title (lesson));
  if (self->pages->len == 1)
    remember_place (self, "lesson", lesson_id);
}

/* "Read in the lesson" from a question of a quiz or of the review: the
 * lesson opens above the page, and Back returns to the question. */
static void update_review_count (AkWindow *self);

static gboolean
update_review_count_cb (gpointer user_data)
{
  AkWindow *self = user_data;

  self->review_count_source = 0;
  update_review_count (self);
  return G_SOURCE_REMOVE;
}

/* Counted when the window has nothing else to do: the first count reads
 * every question of the library. */
static void
queue_review_count (AkWindow *self)
{
  if (self->review_count_source != 0)
    return;
  self->review_count_source = g_idle_add_full (G_PRIORITY_LOW, update_review_count_cb, self, NULL);
  g_source_set_name_by_id (self->review_count_source, "[akademie] count reviews");
}

static void
open_section_above_cb (AkWindow   *self,
                       const char *course_id,
                       const char *lesson_id,
                       const char *section_id,
                       GtkWidget  *page)
{
  AkCourse *course = ak_course_library_lookup (self->library, course_id);

  if (course == NULL || ak_course_get_lesson_by_id (course, lesson_id) == NULL)
    {
      show_toast (self, _("The lesson is not in the library any more"));
      return;
    }
  open_lesson_page (self, course, lesson_id, section_id, TRUE);
}

static void
open_quiz_page (AkWindow   *self,
                const char *quiz_id)
{
  const AkQuiz *quiz = ak_course_find_quiz (self->course, quiz_id);
  AkQuizPage *page;

  g_return_if_fail (quiz != NULL);

  remove_pages (self);
  page = ak_quiz_page_new (get_context (self), self->course, quiz_id);
  g_signal_connect_object (page, "open-lesson-section", G_CALLBACK (open_section_above_cb),
                           self, G_CONNECT_SWAPPED);
  push_page (self, GTK_WIDGET (page), self->course, ak_quiz_get_title (quiz));
  remember_place (self, "quiz", quiz_id);
}

/* Opens a lesson (at a section) or a quiz of @course, or says that the
 * course has no such step. */
static void
show_step (AkWindow   *self,
           AkCourse   *course,
           const char *lesson_id,
           const char *section_id,
           const char *quiz_id)
{
  gboolean has_lesson = lesson_id != NULL && ak_course_get_lesson_by_id (course, lesson_id);
  gboolean has_quiz = quiz_id != NULL && ak_course_find_quiz (course, quiz_id);

  if (!has_lesson && !has_quiz)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the id of a lesson or quiz asked for by a link */
      message = g_strdup_printf (_("The course has no lesson or quiz “%s”"),
                                 lesson_id != NULL ? lesson_id : quiz_id);
      show_toast (self, message);
      return;
    }
  if (self->course != course)
    show_course (self, course);
  remove_pages (self);
  if (has_lesson)
    open_lesson_page (self, course, lesson_id, section_id, FALSE);
  else
    open_quiz_page (self, quiz_id);
}

/* "course/step" or "course/lesson/section" */
static gboolean
split_step_target (const char  *target,
                   char       **course_id,
                   char       **step_id,
                   char       **section_id)
{
  g_auto(GStrv) parts = g_strsplit (target, "/", 4);
  guint n = g_strv_length (parts);

  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (*parts[i] == '\0')
      return FALSE;
  *course_id = g_strdup (parts[0]);
  *step_id = g_strdup (parts[1]);
  *section_id = g_strdup (parts[2]);
  return TRUE;
}

static void
clear_pending (AkWindow *self)
{
  g_clear_pointer (&self->pending_course_id, g_free);
  g_clear_pointer (&self->pending_lesson_id, g_free);
  g_clear_pointer (&self->pending_quiz_id, g_free);
  g_clear_pointer (&self->pending_section_id, g_free);
}

/* The course of last time, at the lesson or quiz the learner had open;
 * the lesson page itself returns to the section last read. */
static void
restore_place (AkWindow *self,
               AkCourse *course)
{
  g_autofree char *place = g_settings_get_string (self->settings, "last-step");
  const char *colon = strchr (place, ':');
  const char *step_id = colon != NULL ? colon + 1 : NULL;

  if (step_id != NULL && g_str_has_prefix (place, "lesson:") &&
      ak_course_get_lesson_by_id (course, step_id) != NULL)
    show_step (self, course, step_id, NULL, NULL);
  else if (step_id != NULL && g_str_has_prefix (place, "quiz:") &&
           ak_course_find_quiz (course, step_id) != NULL)
    show_step (self, course, NULL, NULL, step_id);
  else
    show_course (self, course);
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
          if (self->pending_lesson_id != NULL || self->pending_quiz_id != NULL)
            show_step (self, course, self->pending_lesson_id, self->pending_section_id,
                       self->pending_quiz_id);
          else
            show_course (self, course);
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
        restore_place (self, course);
    }
}

/* The pages of a reloaded course show it anew, at the same lesson and
 * section, or the same quiz, where their ids are still in it. */
static void
reopen_pages (AkWindow *self)
{
  GtkWidget *top = get_top_page (self);

  if (AK_IS_LESSON_PAGE (top))
    {
      g_autofree char *lesson_id = g_strdup (ak_lesson_page_get_lesson_id (AK_LESSON_PAGE (top)));

      remove_pages (self);
      if (ak_course_get_lesson_by_id (self->course, lesson_id) != NULL)
        open_lesson_page (self, self->course, lesson_id, NULL, FALSE);
    }
  else if (AK_IS_QUIZ_PAGE (top))
    {
      g_autofree char *quiz_id = g_strdup (ak_quiz_page_get_quiz_id (AK_QUIZ_PAGE (top)));

      remove_pages (self);
      if (quiz_id != NULL && ak_course_find_quiz (self->course, quiz_id) != NULL)
        open_quiz_page (self, quiz_id);
    }
  show_course_title (self);
  update_navigation (self);
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
  reopen_pages (self);
  show_toast (self, _("Course reloaded"));
}

static gboolean
go_back (AkWindow *self)
{
  if (self->pages->len > 0)
    {
      pop_page (self);
      show_course_title (self);
      if (self->pages->len == 0)
        remember_place (self, NULL, NULL);
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
open_step (AkWindow   *self,
           const char *course_id,
           const char *lesson_id,
           const char *section_id,
           const char *quiz_id)
{
  clear_pending (self);
  self->pending_course_id = g_strdup (course_id);
  self->pending_lesson_id = g_strdup (lesson_id);
  self->pending_section_id = lesson_id != NULL ? g_strdup (section_id) : NULL;
  self->pending_quiz_id = lesson_id == NULL ? g_strdup (quiz_id) : NULL;
  resolve_pending (self);
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
  g_autofree char *section_id = NULL;
  gboolean lesson = g_str_equal (action_name, "win.open-lesson");

  if (!split_step_target (g_variant_get_string (parameter, NULL), &course_id, &step_id,
                          &section_id) ||
      (!lesson && section_id != NULL))
    {
      g_warning ("%s: “%s” is not “course/step”", action_name,
                 g_variant_get_string (parameter, NULL));
      return;
    }
  if (lesson)
    ak_window_open_section (AK_WINDOW (widget), course_id, step_id, section_id);
  else
    ak_window_open (AK_WINDOW (widget), course_id, NULL, step_id);
}

/* How many questions the daily review asks today, beside its row. */
static void
update_review_count (AkWindow *self)
{
  AkReviewQueue *queue = self->context != NULL ? ak_context_get_review_queue (self->context) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *name = NULL;
  guint n_items;

  if (queue == NULL || !ak_course_library_get_loaded (self->library))
    return;
  if (!ak_review_queue_refresh (queue, &error))
    {
      g_debug ("Cannot count the questions to review: %s", error->message);
      return;
    }
  n_items = ak_review_queue_get_n_items (queue);
  count = g_strdup_printf ("%u", n_items);
  gtk_label_set_text (self->review_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->review_count), n_items > 0);
  /* Translators: the accessible name of the sidebar's review row */
  name = n_items > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Review, %u question due",
                                                     "Review, %u questions due", n_items),
                                        n_items)
                     : g_strdup (_("Review"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Today's review across all courses, in the content pane. */
static void
show_review_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AkWindow *self = AK_WINDOW (widget);
  AkContext *context = get_context (self);
  AkReviewPage *page;

  if (context == NULL)
    return;
  if (AK_IS_REVIEW_PAGE (get_top_page (self)))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      return;
    }
  remove_pages (self);
  page = ak_review_page_new (context);
  g_signal_connect_object (page, "open-lesson-section", G_CALLBACK (open_section_above_cb),
                           self, G_CONNECT_SWAPPED);
  push_page (self, GTK_WIDGET (page), NULL, _("Review"));
}

/* The learner's statistics across all courses, in the content pane. */
static void
show_statistics_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AkWindow *self = AK_WINDOW (widget);
  AkContext *context = get_context (self);
  GtkWidget *top = get_top_page (self);

  if (context == NULL || AK_IS_STATISTICS_PAGE (top))
    return;
  remove_pages (self);
  push_page (self, ak_statistics_page_new (context), NULL, _("Statistics"));
}

/* Ctrl+F: the search is in the sidebar, which a narrow window shows
 * instead of the course. */
static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AkWindow *self = AK_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  update_navigation (self);
  ak_library_sidebar_set_search_mode (self->library_sidebar, TRUE);
}

static void
library_reloaded_cb (AkWindow        *self,
                     AkCourseLibrary *library)
{
  update_view (self);
  /* The rows show the learner's progress: the store is open by now, or
   * is waited for, after the first frame. */
  if (get_store (self) != NULL && !self->store_watched)
    {
      self->store_watched = TRUE;
      g_signal_connect_object (get_store (self), "changed", G_CALLBACK (queue_review_count),
                               self, G_CONNECT_SWAPPED);
    }
  queue_review_count (self);
  resolve_pending (self);
}

/* Adds course files to the library and shows the first once it is read.
 * Its problems, if it has any, are in the sidebar. */
static gboolean
open_course_files (AkWindow  *self,
                   GPtrArray *files)
{
  g_autofree char *first = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));

      if (path == NULL)
        continue;
      ak_course_library_open_file (self->library, path);
      if (first == NULL)
        first = g_steal_pointer (&path);
    }
  if (first == NULL)
    return FALSE;
  ak_course_library_reload_async (self->library, NULL, NULL, NULL);
  ak_window_open_file (self, first);
  return TRUE;
}

static void
open_response_cb (AkWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      open_course_files (self, files);
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
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Course files dropped on the window are opened as if chosen with Open. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AkWindow      *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  return open_course_files (self, files);
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
  ak_library_sidebar_set_library (self->library_sidebar, self->library);
  if (self->context != NULL)
    ak_library_sidebar_set_store (self->library_sidebar, ak_context_get_store (self->context));
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

  g_clear_handle_id (&self->review_count_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_WINDOW);
  self->overview = NULL;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->library);
  g_clear_object (&self->context);
  g_clear_object (&self->course);
  g_clear_object (&self->settings);
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
  gtk_widget_class_bind_template_child (widget_class, AkWindow, library_sidebar);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, review_row);
  gtk_widget_class_bind_template_child (widget_class, AkWindow, review_count);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-course-file", "s",
                                   edit_course_file_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-course", "s", open_course_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-lesson", "s", open_step_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-quiz", "s", open_step_action_cb);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-statistics", NULL,
                                   show_statistics_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-review", NULL, show_review_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);

  g_type_ensure (AK_TYPE_LIBRARY_SIDEBAR);
}

static void
ak_window_init (AkWindow *self)
{
  GtkGesture *back_click;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();

  back_click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back_click), 8);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (back_click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (back_click, "pressed", G_CALLBACK (back_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back_click));
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

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

  remove_pages (self);
  push_page (self, page, self->course, title);
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

  open_step (self, course_id, lesson_id, NULL, quiz_id);
}

/**
 * ak_window_open_section:
 * @course_id: the course to open
 * @lesson_id: a lesson of it
 * @section_id: (nullable): the section of the lesson to show
 *
 * Opens a lesson at a section, as a search hit or a link does.
 */
void
ak_window_open_section (AkWindow   *self,
                        const char *course_id,
                        const char *lesson_id,
                        const char *section_id)
{
  g_return_if_fail (AK_IS_WINDOW (self));
  g_return_if_fail (course_id != NULL);
  g_return_if_fail (lesson_id != NULL);

  open_step (self, course_id, lesson_id, section_id, NULL);
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
