/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "ak-xml-document.h"

G_BEGIN_DECLS

/*
 * What the course schema says about each element, read from the schema
 * itself: its attributes and the child elements it must have. libxml2 only
 * says that "the attributes of X failed to validate"; these rules find
 * which attribute is unknown, missing or has a bad value, and which child
 * is missing, so that the trainer is pointed at it.
 */
typedef struct _AkSchemaRules AkSchemaRules;

AkSchemaRules *ak_schema_rules_new              (xmlDoc            *grammar);
guint          ak_schema_rules_check_attributes (AkSchemaRules     *self,
                                                 AkXmlDocument     *document,
                                                 xmlNode           *element);
guint          ak_schema_rules_check_children   (AkSchemaRules     *self,
                                                 AkXmlDocument     *document,
                                                 xmlNode           *element);
gboolean       ak_schema_rules_knows_element    (AkSchemaRules     *self,
                                                 const char        *name);
const char    *ak_schema_describe_type          (const char        *type);
char          *ak_schema_quote_list             (const char *const *names,
                                                 guint              n_names);

G_END_DECLS
