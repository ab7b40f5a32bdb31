/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ak-quiz-session.h"

G_BEGIN_DECLS

/*
 * One question of a quiz or of the daily review on the page: its prompt
 * and the input its type needs, laid out by the quiz session or, for
 * another session, in the order given. The page asks it for the learner's answer, enables checking once
 * it is answered, and hands it the session's feedback, which it marks
 * part by part (icon and words, never colour alone) and then takes no
 * more input.
 */

#define AK_TYPE_QUESTION_WIDGET (ak_question_widget_get_type ())
G_DECLARE_DERIVABLE_TYPE (AkQuestionWidget, ak_question_widget, AK, QUESTION_WIDGET, GtkWidget)

struct _AkQuestionWidgetClass
{
  GtkWidgetClass parent_class;

  /* Fills @content with the input; called once the properties are set. */
  void        (*build)         (AkQuestionWidget *self,
                                GtkBox           *content);
  /* Transfer full; %NULL while nothing is entered. */
  AkResponse *(*get_response)  (AkQuestionWidget *self);
  void        (*show_feedback) (AkQuestionWidget *self,
                                AkQuizFeedback   *feedback);

  gpointer padding[4];
};

/* How a part of the answer did, as the marks say it. */
typedef enum
{
  AK_MARK_RIGHT,     /* picked or entered, and right */
  AK_MARK_WRONG,     /* picked or entered, and wrong */
  AK_MARK_MISSED     /* a right answer the learner did not pick */
} AkMarkKind;

AkQuestionWidget *ak_question_widget_new           (AkQuizSession    *session,
                                                    AkQuestion       *question);
AkQuestionWidget *ak_question_widget_new_with_layout (AkQuestion     *question,
                                                      GPtrArray      *choices,
                                                      GPtrArray      *targets);
AkQuizSession    *ak_question_widget_get_session   (AkQuestionWidget *self);
GPtrArray        *ak_question_widget_get_choices   (AkQuestionWidget *self);
GPtrArray        *ak_question_widget_get_targets   (AkQuestionWidget *self);
AkQuestion       *ak_question_widget_get_question  (AkQuestionWidget *self);
AkResponse       *ak_question_widget_get_response  (AkQuestionWidget *self);
gboolean          ak_question_widget_get_answered  (AkQuestionWidget *self);
gboolean          ak_question_widget_get_read_only (AkQuestionWidget *self);
void              ak_question_widget_show_feedback (AkQuestionWidget *self,
                                                    AkQuizFeedback   *feedback);

/* For the widgets of each type */
void              ak_question_widget_changed       (AkQuestionWidget *self);
GtkWidget        *ak_question_mark_new             (AkMarkKind        kind);
GtkWidget        *ak_question_markup_label_new     (const char       *markup);
char             *ak_question_markup_to_text       (const char       *markup);
const AkFeedbackPart *ak_question_find_part        (AkQuizFeedback   *feedback,
                                                    const char       *id);

G_END_DECLS
