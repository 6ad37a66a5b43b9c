/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nst-cli-records.h"
#include "store/nst-store.h"

G_BEGIN_DECLS

#define NST_CLI_PROGRAM_NAME "nastavnik-cli"

/* Wrong words on the command line, as opposed to a failure while working. */
#define NST_CLI_EXIT_USAGE 2

/* What every command gets: the database is opened only when a command asks,
 * after it has checked its own arguments, so that a typo neither creates a
 * database nor makes a backup copy. */
typedef struct
{
  const char *database;   /* --database, or NULL for the default */
  NstStore *store;        /* opened by nst_cli_open_store() */
} NstCliContext;

/* A command: argv[0] is the command's name, then its own words and options. */
typedef int (*NstCliCommandFunc) (NstCliContext  *context,
                                  int             argc,
                                  char          **argv);

NstStore *nst_cli_open_store   (NstCliContext  *context,
                                GError        **error);
void      nst_cli_print_error  (const char     *message);
int       nst_cli_usage_error  (const char     *format,
                                ...) G_GNUC_PRINTF (1, 2);
int       nst_cli_fail         (const GError   *error);
gboolean  nst_cli_write_stdout (GBytes         *bytes,
                                GError        **error);
gboolean  nst_cli_parse_options (int           *argc,
                                 char        ***argv,
                                 const GOptionEntry *entries,
                                 const char    *parameter_text,
                                 GError       **error);

/* The commands, each in its own file. */
int nst_cli_demo (NstCliContext *context, int argc, char **argv);
int nst_cli_list (NstCliContext *context, int argc, char **argv);
int nst_cli_print (NstCliContext *context, int argc, char **argv);
int nst_cli_import (NstCliContext *context, int argc, char **argv);
int nst_cli_export (NstCliContext *context, int argc, char **argv);
int nst_cli_gantt (NstCliContext *context, int argc, char **argv);
int nst_cli_school (NstCliContext *context, int argc, char **argv);

/* The targets of «list», each in the file of its area: write every record
 * of the target into @records and set its text columns. */
typedef gboolean (*NstCliListFunc) (NstStore       *store,
                                    NstCliRecords  *records,
                                    GError        **error);

gboolean nst_cli_list_participants (NstStore *store, NstCliRecords *records, GError **error);
gboolean nst_cli_list_pairs (NstStore *store, NstCliRecords *records, GError **error);
gboolean nst_cli_list_programmes (NstStore *store, NstCliRecords *records, GError **error);
gboolean nst_cli_list_roadmap (NstStore *store, NstCliRecords *records, GError **error);

G_END_DECLS
