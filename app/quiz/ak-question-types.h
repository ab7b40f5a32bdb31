/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-question-widget.h"

G_BEGIN_DECLS

/* The widget of each question type; ak_question_widget_new() picks one. */

/* Single choice, multiple choice, true or false */
#define AK_TYPE_CHOICE_QUESTION (ak_choice_question_get_type ())
G_DECLARE_FINAL_TYPE (AkChoiceQuestion, ak_choice_question, AK, CHOICE_QUESTION, AkQuestionWidget)

/* Short answer and numeric */
#define AK_TYPE_TEXT_QUESTION (ak_text_question_get_type ())
G_DECLARE_FINAL_TYPE (AkTextQuestion, ak_text_question, AK, TEXT_QUESTION, AkQuestionWidget)

#define AK_TYPE_GAP_QUESTION (ak_gap_question_get_type ())
G_DECLARE_FINAL_TYPE (AkGapQuestion, ak_gap_question, AK, GAP_QUESTION, AkQuestionWidget)

#define AK_TYPE_ORDERING_QUESTION (ak_ordering_question_get_type ())
G_DECLARE_FINAL_TYPE (AkOrderingQuestion, ak_ordering_question, AK, ORDERING_QUESTION, AkQuestionWidget)

#define AK_TYPE_MATCHING_QUESTION (ak_matching_question_get_type ())
G_DECLARE_FINAL_TYPE (AkMatchingQuestion, ak_matching_question, AK, MATCHING_QUESTION, AkQuestionWidget)

G_END_DECLS
