/* test-xml-hostile.c — hostile and broken documents end in a clear error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of tests/hostile/ and every large or special file generated
 * here must be refused with the expected kind of error and message, print
 * nothing (libxml2 included), and stay within a memory bound measured with
 * getrusage. Time is bounded by the test's timeout: no timing assertions.
 */
#define G_LOG_DOMAIN "frontier-test"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fr-error.h"
#include "fr-limits.h"
#include "fr-xml.h"

#define NS "xmlns=\"https://frontierdesk.github.io/ns/frontier/1\" version=\"1\""

/* The memory a refused document may cost, over the test's own start. */
#define MEMORY_BOUND_KB (100 * 1024)

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* AddressSanitizer keeps freed memory in quarantine and valgrind counts its
 * own, so under them the bound only catches runaway growth. */
static long
memory_bound_kb (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");

#ifdef UNDER_ASAN
  return 4 * MEMORY_BOUND_KB;
#endif
  if (preload != NULL && strstr (preload, "vgpreload") != NULL)
    return 4 * MEMORY_BOUND_KB;
  return MEMORY_BOUND_KB;
}

static long start_rss_kb;
static char *work_dir;

static long
max_rss_kb (void)
{
  struct rusage usage;
  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* Loads @path with stderr captured, asserts the error and that nothing was
 * printed. */
static void
assert_refused (const char *path,
                FrError     code,
                const char *fragment)
{
  g_autofree char *captured_path = g_build_filename (work_dir, "stderr.txt", NULL);
  g_autofree char *captured = NULL;
  g_autoptr(GError) error = NULL;
  FrModel *model;
  int saved_stderr, capture;

  capture = g_open (captured_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (capture, >=, 0);
  fflush (stderr);
  saved_stderr = dup (2);
  dup2 (capture, 2);

  model = fr_xml_load_file (path, &error);

  fflush (stderr);
  dup2 (saved_stderr, 2);
  close (saved_stderr);
  close (capture);

  g_test_message ("%s: %s", path, error != NULL ? error->message : "(loaded)");
  g_assert_null (model);
  g_assert_error (error, FR_ERROR, (int) code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
  g_assert_true (g_file_get_contents (captured_path, &captured, NULL, NULL));
  g_assert_cmpstr (captured, ==, "");
  g_assert_cmpint (max_rss_kb () - start_rss_kb, <, memory_bound_kb ());
}

static const struct {
  const char *file;
  FrError code;
  const char *fragment;
} corpus[] = {
  { "billion-laughs.frontier", FR_ERROR_UNSAFE, "line 2: the document has a DOCTYPE declaration" },
  { "quadratic-blowup.frontier", FR_ERROR_UNSAFE, "line 2: the document has a DOCTYPE declaration" },
  { "external-entity.frontier", FR_ERROR_UNSAFE, "line 2: the document has a DOCTYPE declaration" },
  { "external-dtd.frontier", FR_ERROR_UNSAFE, "line 2: the document has a DOCTYPE declaration" },
  { "external-dtd-file.frontier", FR_ERROR_UNSAFE, "line 2: the document has a DOCTYPE declaration" },
  { "parameter-entities.frontier", FR_ERROR_UNSAFE, "line 2: the document has a DOCTYPE declaration" },
  { "doctype-only.frontier", FR_ERROR_UNSAFE, "line 2: the document has a DOCTYPE declaration" },
  { "xinclude.frontier", FR_ERROR_UNSAFE, "line 5: <xi:include> asks to include another file" },
  { "undefined-entity.frontier", FR_ERROR_UNSAFE, "line 3, column 21: the document uses an entity “&xxe;”" },
  { "invalid-utf8.frontier", FR_ERROR_ENCODING, "line 3, column 20: the file is not valid UTF-8 text (byte 0xFF)" },
  { "overlong-utf8.frontier", FR_ERROR_ENCODING, "line 3, column 16: the file is not valid UTF-8 text (byte 0xC0)" },
  { "mixed-encoding.frontier", FR_ERROR_ENCODING, "line 3, column 35: the file is not valid UTF-8 text (byte 0xE9)" },
  { "declared-latin1.frontier", FR_ERROR_ENCODING, "declares the character encoding “ISO-8859-1”" },
  { "utf32.frontier", FR_ERROR_ENCODING, "UTF-32" },
  { "declared-windows-1252.frontier", FR_ERROR_ENCODING, "declares the character encoding “windows-1252”" },
  { "utf16-declared-utf8.frontier", FR_ERROR_ENCODING, "line 1: the file is UTF-16 but says it is UTF-8" },
  { "utf8-declared-utf16.frontier", FR_ERROR_ENCODING, "says it is UTF-16 but has no UTF-16 byte-order mark" },
  { "ebcdic.frontier", FR_ERROR_ENCODING, "EBCDIC" },
  { "utf16-no-bom.frontier", FR_ERROR_ENCODING, "without a byte-order mark" },
  { "utf16-unpaired-surrogate.frontier", FR_ERROR_ENCODING, "not valid UTF-16 text" },
  { "nul-byte.frontier", FR_ERROR_ENCODING, "line 3, column 17: the file contains a NUL byte" },
  { "not-xml.frontier", FR_ERROR_ENCODING, "not valid UTF-8" },
  { "truncated.frontier", FR_ERROR_PARSE, "the document ends inside <option>" },
  { "truncated-in-tag.frontier", FR_ERROR_PARSE, "the document ends inside <title>" },
  { "two-roots.frontier", FR_ERROR_PARSE, "line 3, column 1: there is more text after the end" },
  { "empty.frontier", FR_ERROR_PARSE, "the file is empty" },
  { "whitespace-only.frontier", FR_ERROR_PARSE, "the file contains no XML" },
  { "processing-only.frontier", FR_ERROR_PARSE, "the file contains no XML" },
  { "wrong-root.frontier", FR_ERROR_INVALID, "its top element is <svg>, not <frontier>" },
  { "wrong-namespace.frontier", FR_ERROR_INVALID, "is in the namespace “https://example.org/frontier”" },
  { "no-namespace.frontier", FR_ERROR_INVALID, "<frontier> has no namespace" },
  { "newer-version.frontier", FR_ERROR_UNSUPPORTED, "format version 2, written by a newer version" },
  { "newer-namespace.frontier", FR_ERROR_UNSUPPORTED, "of another format version" },
  { "number-nan.frontier", FR_ERROR_INVALID, "is “NaN”, which is not a plain number" },
  { "number-inf.frontier", FR_ERROR_INVALID, "is “INF”, which is not a plain number" },
  { "number-negative-inf.frontier", FR_ERROR_INVALID, "is “-inf”, which is not a plain number" },
  { "number-hex.frontier", FR_ERROR_INVALID, "is “0x1A”, which is not a plain number" },
  { "number-exponent.frontier", FR_ERROR_INVALID, "is “1e1”, which is not a plain number" },
  { "number-overflow.frontier", FR_ERROR_INVALID, "is “1e400”, which is not a plain number" },
  { "number-huge-digits.frontier", FR_ERROR_INVALID, "which is not a plain number" },
  { "number-comma-decimal.frontier", FR_ERROR_INVALID, "is “4,5”, which is not a plain number" },
};

static void
test_corpus (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "hostile", NULL);
  const char *name;
  guint n_files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *path = g_build_filename (dir_path, corpus[i].file, NULL);
      assert_refused (path, corpus[i].code, corpus[i].fragment);
    }

  /* Every file of the corpus is in the table above. */
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
        listed |= g_str_equal (name, corpus[i].file);
      if (!listed)
        g_error ("tests/hostile/%s has no expected error", name);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (corpus));
}

/* Writes @head, then @repeat copies of @unit, then @tail, in pieces so the
 * test itself never holds a large file in memory. */
static char *
write_generated (const char *name,
                 const char *head,
                 const char *unit,
                 gsize       repeat,
                 const char *tail)
{
  char *path = g_build_filename (work_dir, name, NULL);
  FILE *file = fopen (path, "wb");
  GString *block = g_string_new (NULL);
  gsize per_block = MAX (1, 65536 / strlen (unit));

  g_assert_nonnull (file);
  fputs (head, file);
  for (gsize i = 0; i < per_block; i++)
    g_string_append (block, unit);
  for (gsize done = 0; done < repeat; done += per_block)
    {
      gsize n = MIN (per_block, repeat - done);
      fwrite (block->str, strlen (unit), n, file);
    }
  fputs (tail, file);
  g_assert_cmpint (fclose (file), ==, 0);
  g_string_free (block, TRUE);
  return path;
}

static void
test_deep_nesting (void)
{
  g_autofree char *opening = write_generated ("deep-open.frontier",
                                              "<frontier " NS " xmlns:x=\"urn:x\">",
                                              "<x:a>", 100000, "");
  g_autofree char *path = NULL;
  g_autofree char *head = g_strdup_printf ("<frontier " NS ">");

  /* 100 000 open elements, then as many closing tags. */
  {
    FILE *file = fopen (opening, "ab");
    for (int i = 0; i < 100000; i++)
      fputs ("</x:a>", file);
    fputs ("</frontier>", file);
    fclose (file);
  }
  assert_refused (opening, FR_ERROR_TOO_LARGE, "line 1: elements are nested more than 128 deep");

  /* The same in our own namespace, unclosed. */
  path = write_generated ("deep-ours.frontier", head, "<meta>", 100000, "");
  assert_refused (path, FR_ERROR_TOO_LARGE, "nested more than 128 deep");
}

static void
test_huge_attribute (void)
{
  /* 50 MB: past libxml2's own limit of 10 000 000 bytes. */
  g_autofree char *huge = write_generated ("huge-attribute.frontier",
                                           "<frontier " NS " xmlns:x=\"urn:x\" x:big=\"",
                                           "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                           50 * 1024 * 1024 / 64, "\"/>");
  /* 1 MiB: past ours. */
  g_autofree char *large = write_generated ("large-attribute.frontier",
                                            "<frontier " NS "><meta><title xmlns:x=\"urn:x\" x:big=\"",
                                            "BBBBBBBBBBBBBBBB", 1024 * 1024 / 16, "\"/></meta></frontier>");

  assert_refused (huge, FR_ERROR_TOO_LARGE, "longer than Frontier accepts");
  assert_refused (large, FR_ERROR_TOO_LARGE,
                  "line 1: the attribute “big” of <title> is longer than the 65536 characters");
}

static void
test_huge_text (void)
{
  g_autofree char *path = write_generated ("huge-text.frontier", "<frontier " NS "><meta><description>",
                                           "Neutrality. ", 20 * 1024 * 1024 / 12,
                                           "</description></meta></frontier>");
  assert_refused (path, FR_ERROR_TOO_LARGE, "a text is longer than the 8388608 characters");
}

static void
test_too_many_elements (void)
{
  g_autofree char *path = write_generated ("many-elements.frontier",
                                           "<frontier " NS " xmlns:x=\"urn:x\"><x:list>",
                                           "<x:i/>", FR_XML_MAX_ELEMENTS + 10, "</x:list></frontier>");
  assert_refused (path, FR_ERROR_TOO_LARGE, "the document has more than 200000 elements");
}

static void
test_too_many_attributes (void)
{
  GString *text = g_string_new ("<frontier " NS " xmlns:x=\"urn:x\"><meta");
  g_autofree char *path = g_build_filename (work_dir, "many-attributes.frontier", NULL);

  for (int i = 0; i < FR_XML_MAX_ATTRIBUTES + 1; i++)
    g_string_append_printf (text, " x:a%d=\"%d\"", i, i);
  g_string_append (text, "/></frontier>");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);
  assert_refused (path, FR_ERROR_TOO_LARGE,
                  "line 1: an element has more than 256 attributes and namespace declarations");
}

/* libxml2 2.9 checks attributes for duplicates in quadratic time: 100 000
 * of them took seconds before the loader counted them first. */
static void
test_attribute_flood (void)
{
  g_autofree char *path = write_generated ("attribute-flood.frontier",
                                           "<frontier " NS ">\n<meta ",
                                           "a=\"1\" ", 100000, "/></frontier>");
  g_autofree char *namespaces = write_generated ("namespace-flood.frontier",
                                                 "<frontier " NS ">\n",
                                                 "<x:a xmlns:x=\"urn:x\"/>", 2000, "</frontier>");

  assert_refused (path, FR_ERROR_TOO_LARGE, "line 2: an element has more than 256 attributes");
  assert_refused (namespaces, FR_ERROR_TOO_LARGE,
                  "line 2: the document declares more than 1024 namespaces");
}

/* Many statuses in one event are checked for duplicates in linear time. */
static void
test_status_flood (void)
{
  g_autofree char *path = g_build_filename (work_dir, "status-flood.frontier", NULL);
  FILE *file = fopen (path, "wb");
  const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  fputs ("<frontier " NS "><timeline><event id=\"e\" date=\"2022-02-24\"><title>T</title>\n", file);
  for (int i = 0; i < 40000; i++)
    fprintf (file, "<status region=\"UA-%c%c%c\" alignment=\"occupied\"/>\n",
             digits[i / 1296 % 36], digits[i / 36 % 36], digits[i % 36]);
  fputs ("<status region=\"UA-000\" alignment=\"nato\"/>\n</event></timeline></frontier>", file);
  fclose (file);
  assert_refused (path, FR_ERROR_INVALID,
                  "line 40002: UA-000 has two <status> elements in one place");
}

static void
test_too_many_options (void)
{
  g_autofree char *path = write_generated ("many-options.frontier", "<frontier " NS "><options>",
                                           "<option id=\"o\" name=\"O\"/>", 1, "");
  FILE *file = fopen (path, "ab");

  for (int i = 1; i <= FR_XML_MAX_OPTIONS; i++)
    fprintf (file, "<option id=\"o%d\" name=\"O\"/>", i);
  fputs ("</options></frontier>", file);
  fclose (file);
  assert_refused (path, FR_ERROR_TOO_LARGE, "the document has more than 1000 options");
}

static void
test_oversized_file (void)
{
  g_autofree char *path = g_build_filename (work_dir, "oversized.frontier", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  /* Sparse: costs no disk space, and is refused before anything is read. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) FR_XML_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);
  assert_refused (path, FR_ERROR_TOO_LARGE, "larger than the 64 MiB Frontier opens");

  {
    /* The same limit applies to bytes handed over directly. */
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (FR_XML_MAX_FILE_SIZE + 1),
                                                FR_XML_MAX_FILE_SIZE + 1);
    g_autoptr(GError) error = NULL;
    g_assert_null (fr_xml_load_bytes (bytes, "big", &error));
    g_assert_error (error, FR_ERROR, FR_ERROR_TOO_LARGE);
  }
}

static void
test_special_files (void)
{
  g_autofree char *fifo = g_build_filename (work_dir, "pipe.frontier", NULL);
  g_autofree char *zero = g_build_filename (work_dir, "zero.frontier", NULL);
  g_autofree char *missing = g_build_filename (work_dir, "missing.frontier", NULL);

  assert_refused (work_dir, FR_ERROR_IO, "this is a folder, not a Frontier document");

  /* Nobody writes to the FIFO: opening it must not wait for a writer. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, FR_ERROR_IO, "this is not a regular file");

  /* Reading /dev/zero would never end. */
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  assert_refused (zero, FR_ERROR_IO, "this is not a regular file");

  assert_refused (missing, FR_ERROR_IO, "could not open the file: No such file or directory");
}

static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (work_dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("frontier-hostile-XXXXXX", NULL);
  g_assert_nonnull (work_dir);
  start_rss_kb = max_rss_kb ();

  g_test_add_func ("/core/xml/hostile/corpus", test_corpus);
  g_test_add_func ("/core/xml/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/xml/hostile/huge-attribute", test_huge_attribute);
  g_test_add_func ("/core/xml/hostile/huge-text", test_huge_text);
  g_test_add_func ("/core/xml/hostile/too-many-elements", test_too_many_elements);
  g_test_add_func ("/core/xml/hostile/too-many-attributes", test_too_many_attributes);
  g_test_add_func ("/core/xml/hostile/too-many-options", test_too_many_options);
  g_test_add_func ("/core/xml/hostile/attribute-flood", test_attribute_flood);
  g_test_add_func ("/core/xml/hostile/status-flood", test_status_flood);
  g_test_add_func ("/core/xml/hostile/oversized-file", test_oversized_file);
  g_test_add_func ("/core/xml/hostile/special-files", test_special_files);

  status = g_test_run ();
  g_test_message ("peak memory above start: %ld KiB", max_rss_kb () - start_rss_kb);
  remove_work_dir ();
  g_free (work_dir);
  return status;
}
