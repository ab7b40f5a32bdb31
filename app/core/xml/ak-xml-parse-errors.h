/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlerror.h>

#include "ak-xml-text.h"

G_BEGIN_DECLS

char *ak_xml_describe_parse_error (AkXmlText       *text,
                                   const xmlError  *error,
                                   gsize           *offset);

G_END_DECLS
