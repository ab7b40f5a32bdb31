/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ak-course-row.h"
#include "ak-library-search.h"
#include "ak-library-sidebar.h"
#include "ak-problem-row.h"

/*
 * The course library beside the open course: the courses with the
 * learner's progress, the files with problems, and the search over
 * courses, lessons and sections. Lists are list views, so that only the
 * rows on screen exist, and a row asks the store for its course's progress
 * when it is bound. GTK 4.8 binds up to 200 rows however few are seen, so
 * the queries run a few at a time in idle callbacks, between frames.
 */

struct _AkLibrarySidebar
{
  AdwBin            parent_instance;

  /* Template children */
  GtkSearchBar     *search_bar;
  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  GtkSpinner       *loading_spinner;
  AdwStatusPage    *empty_page;
  GtkWidget        *problems_scroller;
  GtkListBox       *problem_list;
  GtkWidget        *course_scroller;
  GtkListView      *course_list;
  GtkListView      *result_list;

  AkCourseLibrary  *library;
  AkProgressStore  *store;
  AkLibrarySearch  *search;
  GListStore       *results;        /* AkSearchHit */
  GHashTable       *progress;       /* course id → AkCourseProgress */
  GHashTable       *bound_rows;     /* AkCourseRow on screen */
  GHashTable       *waiting_rows;   /* of those, the ones without progress yet */
  guint             progress_source;
  guint             loading_source; /* until the loading page is shown */
  guint             index_source;   /* while the search index is built */
  char             *open_course_id; /* marked in its row */
};

G_DEFINE_FINAL_TYPE (AkLibrarySidebar, ak_library_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Courses that load quicker than this appear without a loading page
 * flashing up first. */
#define LOADING_PAGE_DELAY_MS 400
/* Enough for any query a learner reads through; more only costs time. */
#define MAX_HITS 200
/* Courses indexed per idle callback: a few milliseconds at a time. */
#define INDEX_CHUNK 10
/* Rows given their progress per idle callback. */
#define PROGRESS_CHUNK 8

static gboolean
is_searching (AkLibrarySidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

static gboolean
show_loading_cb (gpointer user_data)
{
  AkLibrarySidebar *self = user_data;

  self->loading_source = 0;
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  return G_SOURCE_REMOVE;
}

/* Before the first courses are read the sidebar is blank, and says that
 * it is loading only when that takes noticeable time. */
static gboolean
update_loading (AkLibrarySidebar *self)
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

static void
update_view (AkLibrarySidebar *self)
{
  guint n_courses;
  guint n_problems;

  if (self->library == NULL || update_loading (self))
    return;

  n_courses = g_list_model_get_n_items (G_LIST_MODEL (self->library));
  n_problems = g_list_model_get_n_items (ak_course_library_get_problems (self->library));
  gtk_widget_set_visible (self->problems_scroller, n_problems > 0);
  gtk_widget_set_visible (self->course_scroller, n_courses > 0);

  if (is_searching (self))
    gtk_stack_set_visible_child_name (self->stack,
                                      g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0
                                      ? "results" : "no-results");
  else if (n_courses == 0 && n_problems == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "courses");
}

static void
update_row_progress (AkLibrarySidebar *self,
                     AkCourseRow      *row)
{
  AkCourse *course = ak_course_row_get_course (row);
  AkCourseProgress *progress = NULL;

  if (self->store != NULL && course != NULL)
    {
      progress = g_hash_table_lookup (self->progress, ak_course_get_id (course));
      if (progress == NULL)
        {
          g_autoptr(GError) error = NULL;

          progress = ak_progress_store_get_course_progress (self->store, course, &error);
          if (progress == NULL)
            g_debug ("No progress for %s: %s", ak_course_get_id (course), error->message);
          else
            g_hash_table_insert (self->progress, g_strdup (ak_course_get_id (course)), progress);
        }
    }
  ak_course_row_set_progress (row, progress);
}

static gboolean
update_waiting_rows_cb (gpointer user_data)
{
  AkLibrarySidebar *self = user_data;
  GHashTableIter iter;
  gpointer row;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->waiting_rows);
  while (n++ < PROGRESS_CHUNK && g_hash_table_iter_next (&iter, &row, NULL))
    {
      g_hash_table_iter_remove (&iter);
      update_row_progress (self, row);
    }
  if (g_hash_table_size (self->waiting_rows) > 0)
    return G_SOURCE_CONTINUE;
  self->progress_source = 0;
  return G_SOURCE_REMOVE;
}

/* Known progress shows at once; the rest is asked for soon. */
static void
queue_row_progress (AkLibrarySidebar *self,
                    AkCourseRow      *row)
{
  AkCourse *course = ak_course_row_get_course (row);
  AkCourseProgress *progress;

  progress = self->store != NULL && course != NULL
             ? g_hash_table_lookup (self->progress, ak_course_get_id (course)) : NULL;
  if (progress != NULL || self->store == NULL)
    {
      g_hash_table_remove (self->waiting_rows, row);
      ak_course_row_set_progress (row, progress);
      return;
    }
  g_hash_table_add (self->waiting_rows, row);
  if (self->progress_source == 0)
    {
      self->progress_source = g_idle_add (update_waiting_rows_cb, self);
      g_source_set_name_by_id (self->progress_source, "[akademie] show course progress");
    }
}

static void
update_bound_rows (AkLibrarySidebar *self,
                   const char       *course_id)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      AkCourse *course = ak_course_row_get_course (row);

      /* The learner's own step shows at once: it is one query. */
      if (course_id == NULL)
        queue_row_progress (self, row);
      else if (course != NULL && g_str_equal (ak_course_get_id (course), course_id))
        update_row_progress (self, row);
    }
}

static void
store_changed_cb (AkLibrarySidebar *self,
                  const char       *course_id,
                  AkProgressStore  *store)
{
  if (course_id != NULL)
    g_hash_table_remove (self->progress, course_id);
  else
    g_hash_table_remove_all (self->progress);
  update_bound_rows (self, course_id);
}

static gboolean
has_problems (AkLibrarySidebar *self,
              AkCourse         *course)
{
  const char *path = ak_course_get_path (course);
  GPtrArray *diagnostics;

  if (path == NULL)
    return FALSE;
  diagnostics = ak_course_library_get_diagnostics (self->library, path);
  return diagnostics != NULL && diagnostics->len > 0;
}

static void
setup_course_cb (GtkListItemFactory *factory,
                 GtkListItem        *item,
                 AkLibrarySidebar   *self)
{
  /* A list box row takes the focus only in a list box: here the list
   * item does, and Enter on it activates the list. */
  gtk_list_item_set_child (item, g_object_new (AK_TYPE_COURSE_ROW,
                                               "activatable", TRUE,
                                               "can-focus", FALSE,
                                               NULL));
}

/* The row of the course open beside the list stands out, and says so
 * to a screen reader. */
static void
mark_if_open (AkLibrarySidebar *self,
              AkCourseRow      *row)
{
  AkCourse *course = ak_course_row_get_course (row);
  gboolean open = course != NULL &&
                  g_strcmp0 (ak_course_get_id (course), self->open_course_id) == 0;

  if (open)
    gtk_widget_add_css_class (GTK_WIDGET (row), "ak-open-course");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "ak-open-course");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, open, -1);
}

static void
bind_course_cb (GtkListItemFactory *factory,
                GtkListItem        *item,
                AkLibrarySidebar   *self)
{
  AkCourseRow *row = AK_COURSE_ROW (gtk_list_item_get_child (item));
  AkCourse *course = gtk_list_item_get_item (item);

  ak_course_row_set_course (row, course);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", ak_course_get_id (course));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-course");
  ak_course_row_set_has_problems (row, has_problems (self, course));
  mark_if_open (self, row);
  g_hash_table_add (self->bound_rows, row);
  queue_row_progress (self, row);
}

static void
unbind_course_cb (GtkListItemFactory *factory,
                  GtkListItem        *item,
                  AkLibrarySidebar   *self)
{
  g_hash_table_remove (self->bound_rows, gtk_list_item_get_child (item));
  g_hash_table_remove (self->waiting_rows, gtk_list_item_get_child (item));
}

static void
course_activate_cb (AkLibrarySidebar *self,
                    guint             position,
                    GtkListView      *list)
{
  g_autoptr(AkCourse) course = g_list_model_get_item (G_LIST_MODEL (self->library), position);

  if (course != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-course", "s",
                                ak_course_get_id (course));
}

/* A file with problems: errors (not loaded) or warnings only. */
static GtkWidget *
create_problem_row_cb (gpointer item,
                       gpointer user_data)
{
  AkLibrarySidebar *self = user_data;
  AkLibraryProblem *problem = AK_LIBRARY_PROBLEM (item);
  GtkWidget *row = GTK_WIDGET (ak_problem_row_new (ak_library_problem_get_path (problem),
                                                   ak_library_problem_get_diagnostics (problem)));
  GListModel *problems = ak_course_library_get_problems (self->library);

  /* A trainer working on one file wants its problems in sight at once. */
  if (g_list_model_get_n_items (problems) == 1)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

static void
setup_result_cb (GtkListItemFactory *factory,
                 GtkListItem        *item,
                 AkLibrarySidebar   *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_set_can_focus (row, FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "ak-icon", icon);
  gtk_list_item_set_child (item, row);
}

/* "Course › Lesson" above the words around the match. */
static void
bind_result_cb (GtkListItemFactory *factory,
                GtkListItem        *item,
                AkLibrarySidebar   *self)
{
  AdwActionRow *row = ADW_ACTION_ROW (gtk_list_item_get_child (item));
  AkSearchHit *hit = gtk_list_item_get_item (item);
  const char *lesson_title = ak_search_hit_get_lesson_title (hit);
  const char *snippet = ak_search_hit_get_snippet (hit);
  g_autofree char *title = g_markup_escape_text (ak_search_hit_get_title (hit), -1);
  g_autofree char *place = NULL;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  const char *icon;
  const char *kind;

  if (ak_search_hit_get_section_id (hit) != NULL)
    {
      /* Translators: where a section was found, e.g. "Course › Lesson" */
      place = g_strdup_printf (_("%s › %s"), ak_search_hit_get_course_title (hit), lesson_title);
      icon = "view-paged-symbolic";
      /* Translators: read by a screen reader before a search hit's title */
      kind = _("Section");
    }
  else if (ak_search_hit_get_lesson_id (hit) != NULL)
    {
      place = g_strdup (ak_search_hit_get_course_title (hit));
      icon = "x-office-document-symbolic";
      /* Translators: read by a screen reader before a search hit's title */
      kind = _("Lesson");
    }
  else
    {
      place = NULL;
      icon = "accessories-dictionary-symbolic";
      /* Translators: read by a screen reader before a search hit's title */
      kind = _("Course");
    }

  description = place != NULL && *snippet != '\0' ? g_strconcat (place, "\n", snippet, NULL)
                                                  : g_strdup (place != NULL ? place : snippet);
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, escaped);
  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (row), "ak-icon"), icon);

  /* Translators: a search hit for a screen reader, e.g. "Lesson: Die Quelle" */
  subtitle = g_strdup_printf (_("%s: %s"), kind, ak_search_hit_get_title (hit));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* A hit opens its course, or the lesson at the section found. */
static void
open_hit (AkLibrarySidebar *self,
          AkSearchHit      *hit)
{
  const char *course_id = ak_search_hit_get_course_id (hit);
  const char *lesson_id = ak_search_hit_get_lesson_id (hit);
  const char *section_id = ak_search_hit_get_section_id (hit);
  g_autofree char *target = NULL;

  if (lesson_id == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-course", "s", course_id);
      return;
    }
  target = section_id != NULL ? g_strdup_printf ("%s/%s/%s", course_id, lesson_id, section_id)
                              : g_strdup_printf ("%s/%s", course_id, lesson_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-lesson", "s", target);
}

static void
result_activate_cb (AkLibrarySidebar *self,
                    guint             position,
                    GtkListView      *list)
{
  g_autoptr(AkSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (hit != NULL)
    open_hit (self, hit);
}

static gboolean
index_some_cb (gpointer user_data)
{
  AkLibrarySidebar *self = user_data;

  if (ak_library_search_index_some (self->search, INDEX_CHUNK))
    return G_SOURCE_CONTINUE;
  self->index_source = 0;
  return G_SOURCE_REMOVE;
}

static void
run_query (AkLibrarySidebar *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  guint n_results = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (!is_searching (self) || self->library == NULL)
    g_list_store_remove_all (self->results);
  else
    {
      hits = ak_library_search_query (self->search,
                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                      MAX_HITS);
      g_list_store_splice (self->results, 0, n_results, hits->pdata, hits->len);
    }
  update_view (self);
}

static void
search_changed_cb (AkLibrarySidebar *self)
{
  run_query (self);
}

/* Enter in the search entry opens the best hit. */
static void
search_activate_cb (AkLibrarySidebar *self)
{
  g_autoptr(AkSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results), 0);

  if (hit != NULL)
    open_hit (self, hit);
}

static void
search_mode_cb (AkLibrarySidebar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      /* Index in idle time while the learner types the first letters. */
      if (self->search != NULL && self->index_source == 0)
        {
          self->index_source = g_idle_add_full (G_PRIORITY_LOW, index_some_cb, self, NULL);
          g_source_set_name_by_id (self->index_source, "[akademie] index courses");
        }
    }
  else
    {
      g_clear_handle_id (&self->index_source, g_source_remove);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
    }
  run_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
library_reloaded_cb (AkLibrarySidebar *self)
{
  /* Lesson counts and problems may have changed with the files. */
  g_hash_table_remove_all (self->progress);
  update_bound_rows (self, NULL);
  if (is_searching (self))
    run_query (self);
  else
    update_view (self);
}

/* Escape leaves the search from the list of hits too, not only from the
 * entry. */
static gboolean
stop_search_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  AkLibrarySidebar *self = AK_LIBRARY_SIDEBAR (widget);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  return TRUE;
}

static void
set_empty_description (AkLibrarySidebar *self)
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

static void
ak_library_sidebar_dispose (GObject *object)
{
  AkLibrarySidebar *self = (AkLibrarySidebar *)object;

  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_handle_id (&self->index_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->problem_list != NULL)
    gtk_list_box_bind_model (self->problem_list, NULL, NULL, NULL, NULL);
  if (self->course_list != NULL)
    gtk_list_view_set_model (self->course_list, NULL);
  if (self->result_list != NULL)
    gtk_list_view_set_model (self->result_list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AK_TYPE_LIBRARY_SIDEBAR);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_object (&self->search);
  g_clear_object (&self->results);
  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->waiting_rows, g_hash_table_unref);
  g_clear_pointer (&self->open_course_id, g_free);

  G_OBJECT_CLASS (ak_library_sidebar_parent_class)->dispose (object);
}

static void
ak_library_sidebar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AkLibrarySidebar *self = AK_LIBRARY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, ak_library_sidebar_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_library_sidebar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AkLibrarySidebar *self = AK_LIBRARY_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      ak_library_sidebar_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_library_sidebar_class_init (AkLibrarySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_library_sidebar_dispose;
  object_class->get_property = ak_library_sidebar_get_property;
  object_class->set_property = ak_library_sidebar_set_property;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ak-library-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, problems_scroller);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, problem_list);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, course_scroller);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, course_list);
  gtk_widget_class_bind_template_child (widget_class, AkLibrarySidebar, result_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, course_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activate_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, stop_search_cb, NULL);
}

static void
ak_library_sidebar_init (AkLibrarySidebar *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->progress = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)ak_course_progress_free);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->waiting_rows = g_hash_table_new (NULL, NULL);
  self->results = g_list_store_new (AK_TYPE_SEARCH_HIT);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_course_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_course_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_course_cb), self);
  gtk_list_view_set_factory (self->course_list, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_cb), self);
  gtk_list_view_set_factory (self->result_list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->result_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing while the list has the focus starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);
  set_empty_description (self);
}

/**
 * ak_library_sidebar_set_library:
 * @library: the courses to list and search
 */
void
ak_library_sidebar_set_library (AkLibrarySidebar *self,
                                AkCourseLibrary  *library)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (AK_IS_LIBRARY_SIDEBAR (self));
  g_return_if_fail (AK_IS_COURSE_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->search = ak_library_search_new (G_LIST_MODEL (library));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (library)));
  gtk_list_view_set_model (self->course_list, GTK_SELECTION_MODEL (selection));
  gtk_list_box_bind_model (self->problem_list, ak_course_library_get_problems (library),
                           create_problem_row_cb, self, NULL);
  g_signal_connect_object (library, "reloaded",
                           G_CALLBACK (library_reloaded_cb), self, G_CONNECT_SWAPPED);
  update_view (self);
}

/**
 * ak_library_sidebar_set_store:
 * @store: (nullable): the learner's progress, shown in the rows
 */
void
ak_library_sidebar_set_store (AkLibrarySidebar *self,
                              AkProgressStore  *store)
{
  g_return_if_fail (AK_IS_LIBRARY_SIDEBAR (self));
  g_return_if_fail (store == NULL || AK_IS_PROGRESS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_hash_table_remove_all (self->progress);
  update_bound_rows (self, NULL);
}

gboolean
ak_library_sidebar_get_search_mode (AkLibrarySidebar *self)
{
  g_return_val_if_fail (AK_IS_LIBRARY_SIDEBAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

/**
 * ak_library_sidebar_set_search_mode:
 * @search_mode: whether to show the search entry
 *
 * Opens the search with the focus in its entry, or closes it and lists the
 * courses again.
 */
void
ak_library_sidebar_set_search_mode (AkLibrarySidebar *self,
                                    gboolean          search_mode)
{
  g_return_if_fail (AK_IS_LIBRARY_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * ak_library_sidebar_set_open_course:
 * @course_id: (nullable): the course shown beside the list
 */
void
ak_library_sidebar_set_open_course (AkLibrarySidebar *self,
                                    const char       *course_id)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (AK_IS_LIBRARY_SIDEBAR (self));

  if (g_strcmp0 (self->open_course_id, course_id) == 0)
    return;
  g_free (self->open_course_id);
  self->open_course_id = g_strdup (course_id);
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    mark_if_open (self, row);
}
