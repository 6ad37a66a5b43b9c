/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "io/nst-csv-writer.h"
#include "io/nst-export.h"
#include "io/nst-xlsx-writer.h"

/* The format by the file's extension, in any case. */
gboolean
nst_export_format_for_path (const char       *path,
                            NstExportFormat  *format,
                            GError          **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = NST_EXPORT_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = NST_EXPORT_FORMAT_XLSX;
  else
    {
      g_set_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Cannot tell the format of “%s”: name the file .csv or .xlsx"), path);
      return FALSE;
    }
  return TRUE;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_WRITE,
               _("Could not save “%s”: %s"), path, g_strerror (saved_errno));
}

static gboolean
write_all (int      fd,
           GBytes  *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* The contents on disk before the rename, so that a crash leaves the old
 * file or the new one, never a torn one. */
static gboolean
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  return g_close (fd, NULL) && ok;
}

/* @error gets the reason only; the caller names the file. */
static gboolean
set_reason (GError **error,
            int      saved_errno)
{
  g_set_error_literal (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_WRITE,
                       g_strerror (saved_errno));
  return FALSE;
}

/* Writes the file's contents into the open, empty temporary file @temp
 * (@fd), and closes @fd. */
typedef gboolean (*WriteFunc) (const char  *temp,
                               int          fd,
                               gpointer     data,
                               GError     **error);

static gboolean
write_bytes (const char  *temp,
             int          fd,
             gpointer     data,
             GError     **error)
{
  int saved;

  if (!write_all (fd, data) || fsync (fd) != 0)
    {
      saved = errno;
      g_close (fd, NULL);
      return set_reason (error, saved);
    }
  return g_close (fd, NULL) || set_reason (error, errno);
}

static gboolean
write_xlsx (const char  *temp,
            int          fd,
            gpointer     data,
            GError     **error)
{
  /* libxlsxwriter opens the file by name; the empty 0600 file keeps its
   * mode when truncated. */
  g_close (fd, NULL);
  if (!nst_xlsx_write_table (data, temp, error))
    return FALSE;
  return sync_file (temp) || set_reason (error, errno);
}

/* Into a hidden temporary file in the same folder, then renamed over
 * @path: on failure @path is as it was and no temporary file is left. */
static gboolean
save_atomically (const char  *path,
                 WriteFunc    func,
                 gpointer     data,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, ".XXXXXX", NULL);
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_errno_error (error, EISDIR, path);
      return FALSE;
    }
  if ((fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  if (!func (temp, fd, data, &local_error))
    {
      g_unlink (temp);
      g_set_error (error, NST_EXPORT_ERROR, NST_EXPORT_ERROR_WRITE,
                   _("Could not save “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      set_errno_error (error, saved, path);
      return FALSE;
    }
  return TRUE;
}

/**
 * nst_export_table_save:
 *
 * Writes @table to @path atomically: into a hidden temporary file in the
 * same folder, then renamed over @path. On failure @path is as it was,
 * no temporary file is left, and @error says why. The file is private
 * (mode 0600): it holds personal data.
 */
gboolean
nst_export_table_save (NstExportTable   *table,
                       const char       *path,
                       NstExportFormat   format,
                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (format == NST_EXPORT_FORMAT_XLSX)
    return save_atomically (path, write_xlsx, table, error);
  bytes = nst_csv_write_table (table);
  return save_atomically (path, write_bytes, bytes, error);
}

/**
 * nst_export_bytes_save:
 * @bytes: the whole file
 *
 * Writes @bytes to @path as nst_export_table_save() writes a table:
 * atomically, mode 0600, @path untouched on failure. For the files that
 * are not tables, such as the calendar.
 */
gboolean
nst_export_bytes_save (GBytes      *bytes,
                       const char  *path,
                       GError     **error)
{
  return save_atomically (path, write_bytes, bytes, error);
}
