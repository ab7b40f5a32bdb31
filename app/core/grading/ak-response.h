/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ak-course.h"

G_BEGIN_DECLS

/* A learner's answer to one question, as the quiz page builds it up and
 * the progress store keeps it (as JSON). */
typedef struct _AkResponse AkResponse;

#define AK_TYPE_RESPONSE (ak_response_get_type ())

GType              ak_response_get_type          (void) G_GNUC_CONST;
AkResponse        *ak_response_new               (AkQuestionType     type);
AkResponse        *ak_response_ref               (AkResponse        *self);
void               ak_response_unref             (AkResponse        *self);
AkQuestionType     ak_response_get_question_type (const AkResponse  *self);
gboolean           ak_response_is_empty          (const AkResponse  *self);
void               ak_response_clear             (AkResponse        *self);

/* Single choice */
void               ak_response_set_choice        (AkResponse        *self,
                                                  const char        *choice_id);
const char        *ak_response_get_choice        (const AkResponse  *self);

/* Multiple choice */
void               ak_response_set_choice_selected (AkResponse      *self,
                                                    const char      *choice_id,
                                                    gboolean         selected);
gboolean           ak_response_get_choice_selected (const AkResponse *self,
                                                    const char       *choice_id);
char             **ak_response_get_choices       (const AkResponse  *self);

/* True or false */
void               ak_response_set_boolean       (AkResponse        *self,
                                                  gboolean           value);
gboolean           ak_response_get_boolean       (const AkResponse  *self,
                                                  gboolean          *value);

/* Gap text */
void               ak_response_set_gap           (AkResponse        *self,
                                                  const char        *gap_id,
                                                  const char        *text);
const char        *ak_response_get_gap           (const AkResponse  *self,
                                                  const char        *gap_id);

/* Ordering */
void               ak_response_set_order         (AkResponse        *self,
                                                  const char *const *item_ids);
const char *const *ak_response_get_order         (const AkResponse  *self);

/* Matching */
void               ak_response_set_match         (AkResponse        *self,
                                                  const char        *pair_id,
                                                  const char        *right_id);
const char        *ak_response_get_match         (const AkResponse  *self,
                                                  const char        *pair_id);

/* Short answer and numeric */
void               ak_response_set_text          (AkResponse        *self,
                                                  const char        *text);
const char        *ak_response_get_text          (const AkResponse  *self);

char              *ak_response_to_json           (const AkResponse  *self);
AkResponse        *ak_response_from_json         (const char        *json,
                                                  GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkResponse, ak_response_unref)

G_END_DECLS
