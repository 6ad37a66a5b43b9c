/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nst-store.h"

G_BEGIN_DECLS

typedef enum
{
  NST_CLI_FORMAT_TEXT,
  NST_CLI_FORMAT_JSON,
  NST_CLI_FORMAT_CSV,
} NstCliFormat;

gboolean   nst_cli_parse_format              (const char    *text,
                                              NstCliFormat  *out);
GPtrArray *nst_cli_load_sorted_participants  (NstStore      *store,
                                              GError       **error);
GBytes    *nst_cli_format_participants       (GPtrArray     *participants,
                                              NstCliFormat   format,
                                              const GDate   *today);

G_END_DECLS
