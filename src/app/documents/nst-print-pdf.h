/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Prints a PDF file as it is: GTK's print dialog, modal to @parent, then
 * the file itself sent to the printer chosen. Failures are dialogs. */
void nst_print_pdf_file (GtkWindow  *parent,
                         GFile      *pdf,
                         const char *title);

G_END_DECLS
