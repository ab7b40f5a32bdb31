/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-application.h"
#include "ak-quiz-page.h"
#include "ak-window.h"

G_BEGIN_DECLS

/* What the window tests share: a window over a private course folder,
 * waiting for what the learner would see, and finding widgets the way a
 * learner or a screen reader does: by role and name. */

/* Test data for the fixture: the window's width, 0 for the default. */
typedef struct
{
  int              width;
  char            *courses_dir;
  AkCourseLibrary *library;
  AkWindow        *window;
} AkWindowFixture;

void           ak_test_ui_init             (int         *argc,
                                            char      ***argv);
AkApplication *ak_test_ui_application      (void);
int            ak_test_ui_run              (void);
void           ak_test_ui_fixture_set_up   (AkWindowFixture *fixture,
                                            gconstpointer    data);
void           ak_test_ui_fixture_tear_down (AkWindowFixture *fixture,
                                            gconstpointer    data);
void           ak_test_ui_start_window     (AkWindowFixture *fixture);

void           ak_test_write_file          (const char  *dir,
                                            const char  *name,
                                            const char  *contents,
                                            gssize       length);
char          *ak_test_read_course         (const char  *name);
void           ak_test_copy_example_course (const char  *dir);

void           ak_test_wait_for_frame      (GtkWidget   *widget);
void           ak_test_wait_until          (gboolean   (*done) (gpointer),
                                            gpointer     user_data);
void           ak_test_save_screenshot     (GtkWidget   *widget,
                                            const char  *name);

GtkWidget     *ak_test_find_widget         (GtkWidget   *root,
                                            GType        type,
                                            guint        nth);
guint          ak_test_count_widgets       (GtkWidget   *root,
                                            GType        type);
GtkWidget     *ak_test_find_mapped         (GtkWidget   *root,
                                            GType        type);
gboolean       ak_test_in_german           (void);
char          *ak_test_get_accessible_name (GtkWidget   *widget);
GtkWidget     *ak_test_find_accessible     (GtkWidget   *root,
                                            GtkAccessibleRole role,
                                            const char  *name);
char          *ak_test_list_unnamed        (GtkWidget   *root,
                                            guint       *n_checked);
gboolean       ak_test_has_label           (GtkWidget   *root,
                                            const char  *text);
AdwActionRow  *ak_test_find_action_row     (GtkWidget   *root,
                                            const char  *title);
char          *ak_test_query_text          (const char  *db_path,
                                            const char  *sql);

/* The learner's hands: clicks, keys and typing. */
const char    *ak_test_words               (const char  *msgid);
GtkWidget     *ak_test_find_button         (GtkWidget   *root,
                                            const char  *name);
void           ak_test_click               (GtkWidget   *button);
void           ak_test_press_key           (GtkWindow   *window,
                                            guint        keyval,
                                            GdkModifierType modifiers);
void           ak_test_type_text           (GtkWindow   *window,
                                            const char  *text);

/* A quiz page's stages, as the learner sees them. */
const char    *ak_test_quiz_stage          (AkQuizPage  *page);
GtkWidget     *ak_test_quiz_shown          (AkQuizPage  *page);
void           ak_test_wait_for_position   (AkQuizPage  *page,
                                            const char  *expected);
gboolean       ak_test_quiz_feedback_shown (AkQuizPage  *page);
void           ak_test_wait_for_feedback   (AkQuizPage  *page);

G_END_DECLS
