/* fr-xml.c — reading and writing .frontier documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading happens in three stages, each refusing what the next must not see:
 *
 *  1. bytes: a size cap, then only UTF-8 or UTF-16 with a byte-order mark,
 *     validated and turned into UTF-8 here so libxml2 never picks a decoder;
 *  2. libxml2's push parser with SAX hooks that stop at any DOCTYPE (before
 *     its internal subset is read, so no entity is ever declared), at
 *     XInclude, and at the limits of fr-limits.h; an entity loader that
 *     refuses everything; errors captured per parser, never printed;
 *  3. a walk over the tree that builds the FrModel and checks every
 *     reference, number and date, naming the line of whatever is wrong.
 *
 * Saving is our own writer rather than libxml2's formatter, so that the
 * output depends on the model alone and markup we keep verbatim is pasted
 * back exactly as it was read.
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include "fr-xml.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

#include "fr-date.h"
#include "fr-error.h"
#include "fr-limits.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

/* Input goes to the push parser in pieces so that libxml2 never holds a
 * second copy of a large file. */
#define PARSE_CHUNK (256 * 1024)

/* ------------------------------------------------------------------ */
/* Stage 1: bytes                                                      */
/* ------------------------------------------------------------------ */

static void
line_and_column (const char *text,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  guint l = 1, c = 1;
  const char *p = text;
  const char *end = text + offset;

  while (p < end)
    {
      if (*p == '\n')
        {
          l++;
          c = 1;
          p++;
        }
      else
        {
          /* Count characters, not bytes; the prefix is valid UTF-8. */
          p = g_utf8_next_char (p);
          c++;
        }
    }
  *line = l;
  *column = c;
}

static gboolean
encoding_name_is (const char *declared,
                  const char *prefix)
{
  return g_ascii_strncasecmp (declared, prefix, strlen (prefix)) == 0;
}

/* Finds encoding="…" in an XML declaration at the very start of @text. */
static char *
declared_encoding (const char *text,
                   gsize       length)
{
  gsize limit = MIN (length, 512);
  const char *end, *p;

  if (limit < 6 || strncmp (text, "<?xml", 5) != 0 || !g_ascii_isspace (text[5]))
    return NULL;
  end = g_strstr_len (text, limit, "?>");
  if (end == NULL)
    return NULL;
  for (p = text + 5; p + 8 < end; p++)
    {
      const char *q;
      char quote;

      if (strncmp (p, "encoding", 8) != 0 || !g_ascii_isspace (p[-1]))
        continue;
      q = p + 8;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end || *q != '=')
        continue;
      q++;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end || (*q != '"' && *q != '\''))
        continue;
      quote = *q++;
      for (const char *r = q; r < end; r++)
        if (*r == quote)
          return g_strndup (q, (gsize) (r - q));
      return NULL;
    }
  return NULL;
}

/* Returns UTF-8 text without a byte-order mark, borrowed from @data when
 * it already was UTF-8 (then *owned is NULL), or converted from UTF-16. */
static const char *
document_text (const guint8  *data,
               gsize          length,
               gsize         *text_length,
               char         **owned,
               GError       **error)
{
  gboolean utf16 = FALSE, big_endian = FALSE;
  const char *text;
  const char *bad;
  g_autofree char *declared = NULL;

  *owned = NULL;
  if (length == 0)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_PARSE,
                   _("the file is empty; a Frontier document starts with <frontier>"));
      return NULL;
    }

  if (length >= 4 && ((data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF) ||
                      (data[0] == 0xFF && data[1] == 0xFE && data[2] == 0 && data[3] == 0) ||
                      (data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] == '<') ||
                      (data[0] == '<' && data[1] == 0 && data[2] == 0 && data[3] == 0)))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                   _("the file is in the UTF-32 encoding; Frontier reads only UTF-8 and UTF-16 "
                     "documents — save it as UTF-8 and open it again"));
      return NULL;
    }
  if (length >= 4 && data[0] == 0x4C && data[1] == 0x6F && data[2] == 0xA7 && data[3] == 0x94)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                   _("the file is in the EBCDIC encoding; Frontier reads only UTF-8 and UTF-16 "
                     "documents — save it as UTF-8 and open it again"));
      return NULL;
    }
  if (length >= 4 && ((data[0] == 0 && data[1] == '<' && data[2] == 0 && data[3] == '?') ||
                      (data[0] == '<' && data[1] == 0 && data[2] == '?' && data[3] == 0)))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                   _("the file is UTF-16 text without a byte-order mark, so its byte order is "
                     "unknown; save it as UTF-8 and open it again"));
      return NULL;
    }

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0xFF && data[1] == 0xFE)))
    {
      utf16 = TRUE;
      big_endian = data[0] == 0xFE;
      data += 2;
      length -= 2;
    }

  if (utf16)
    {
      g_autofree gunichar2 *units = NULL;
      glong items_read = 0, items_written = 0;
      gsize n_units = length / 2;
      g_autoptr(GError) local_error = NULL;
      char *converted;

      if (length % 2 != 0)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                       _("the file is UTF-16 text that ends in the middle of a character; "
                         "it may have been cut off"));
          return NULL;
        }
      units = g_new (gunichar2, n_units + 1);
      for (gsize i = 0; i < n_units; i++)
        units[i] = big_endian ? (gunichar2) ((data[2 * i] << 8) | data[2 * i + 1])
                              : (gunichar2) ((data[2 * i + 1] << 8) | data[2 * i]);
      units[n_units] = 0;
      converted = g_utf16_to_utf8 (units, (glong) n_units, &items_read, &items_written, &local_error);
      if (converted == NULL)
        {
          guint line = 1;
          for (glong i = 0; i < items_read && (gsize) i < n_units; i++)
            if (units[i] == '\n')
              line++;
          g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                       _("line %u: the file is not valid UTF-16 text (an unpaired surrogate); "
                         "it may be damaged"), line);
          return NULL;
        }
      *owned = converted;
      text = converted;
      length = (gsize) items_written;
    }
  else
    text = (const char *) data;

  declared = declared_encoding (text, length);
  if (declared != NULL)
    {
      gboolean ok = utf16 ? encoding_name_is (declared, "UTF-16")
                          : (g_ascii_strcasecmp (declared, "UTF-8") == 0 ||
                             g_ascii_strcasecmp (declared, "UTF8") == 0);
      if (!ok && utf16 && (g_ascii_strcasecmp (declared, "UTF-8") == 0 ||
                           g_ascii_strcasecmp (declared, "UTF8") == 0))
        {
          g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                       _("line 1: the file is UTF-16 but says it is UTF-8; save it as UTF-8 "
                         "and open it again"));
          g_clear_pointer (owned, g_free);
          return NULL;
        }
      if (!ok && !utf16 && encoding_name_is (declared, "UTF-16"))
        {
          g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                       _("line 1: the file says it is UTF-16 but has no UTF-16 byte-order mark; "
                         "save it as UTF-8 and open it again"));
          g_clear_pointer (owned, g_free);
          return NULL;
        }
      if (!ok)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                       _("line 1: the file declares the character encoding “%s”; Frontier reads "
                         "only UTF-8 and UTF-16 documents — save it as UTF-8 and open it again"),
                       declared);
          g_clear_pointer (owned, g_free);
          return NULL;
        }
    }

  if (!g_utf8_validate_len (text, length, &bad))
    {
      guint line, column;
      gsize offset = (gsize) (bad - text);

      line_and_column (text, offset, &line, &column);
      if (*bad == '\0')
        g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                     _("line %u, column %u: the file contains a NUL byte, which no text file "
                       "does; it is damaged or not a Frontier document"), line, column);
      else
        g_set_error (error, FR_ERROR, FR_ERROR_ENCODING,
                     _("line %u, column %u: the file is not valid UTF-8 text (byte 0x%02X); "
                       "save it as UTF-8 and open it again"),
                     line, column, (guint) (guint8) *bad);
      g_clear_pointer (owned, g_free);
      return NULL;
    }

  *text_length = length;
  return text;
}

/* ------------------------------------------------------------------ */
/* Stage 2: libxml2                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
  guint depth;
  guint elements;
  gsize text_run;
  GPtrArray *open;        /* names of the open elements, for "cut off" */
  GError *error;          /* the first error, ours or libxml2's */
} ParseState;

#if LIBXML_VERSION >= 21200
typedef const xmlError *FrXmlErrorPtr;
#else
typedef xmlErrorPtr FrXmlErrorPtr;
#endif

static ParseState *
state_from (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  return ctxt->_private;
}

static void
stop_with (void       *ctx,
           FrError     code,
           const char *message)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseState *state = state_from (ctx);

  if (state->error == NULL)
    state->error = g_error_new (FR_ERROR, code, _("line %d: %s"),
                                ctxt->input != NULL ? ctxt->input->line : 0, message);
  xmlStopParser (ctxt);
}

static void
refuse_doctype (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  stop_with (ctx, FR_ERROR_UNSAFE,
             _("the document has a DOCTYPE declaration, which Frontier refuses: it could "
               "define entities that expand without end or read other files"));
}

static void
refuse_entity_decl (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  stop_with (ctx, FR_ERROR_UNSAFE, _("the document declares an entity, which Frontier refuses"));
}

static xmlParserInputPtr
refuse_resolve_entity (void          *ctx,
                       const xmlChar *public_id,
                       const xmlChar *system_id)
{
  stop_with (ctx, FR_ERROR_UNSAFE,
             _("the document asks to read another file, which Frontier never does"));
  return NULL;
}

static xmlEntityPtr
no_parameter_entity (void          *ctx,
                     const xmlChar *name)
{
  return NULL;
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  ParseState *state = state_from (ctx);
  g_autofree char *message = NULL;

  state->depth++;
  state->elements++;
  state->text_run = 0;
  if (state->depth > FR_XML_MAX_DEPTH)
    {
      message = g_strdup_printf (_("elements are nested more than %d deep, more than any "
                                   "Frontier document needs"), FR_XML_MAX_DEPTH);
      stop_with (ctx, FR_ERROR_TOO_LARGE, message);
      return;
    }
  if (state->elements > FR_XML_MAX_ELEMENTS)
    {
      message = g_strdup_printf (_("the document has more than %d elements, more than "
                                   "Frontier accepts"), FR_XML_MAX_ELEMENTS);
      stop_with (ctx, FR_ERROR_TOO_LARGE, message);
      return;
    }
  if (n_attributes > FR_XML_MAX_ATTRIBUTES)
    {
      message = g_strdup_printf (_("<%s> has more than %d attributes, more than Frontier "
                                   "accepts"), (const char *) localname, FR_XML_MAX_ATTRIBUTES);
      stop_with (ctx, FR_ERROR_TOO_LARGE, message);
      return;
    }
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar *value = attributes[5 * i + 3];
      const xmlChar *end = attributes[5 * i + 4];
      if (end - value > FR_XML_MAX_ATTRIBUTE_LENGTH)
        {
          message = g_strdup_printf (_("the attribute “%s” of <%s> is longer than the %d "
                                       "characters Frontier accepts"),
                                     (const char *) attributes[5 * i],
                                     (const char *) localname, FR_XML_MAX_ATTRIBUTE_LENGTH);
          stop_with (ctx, FR_ERROR_TOO_LARGE, message);
          return;
        }
    }
  if (uri != NULL && (xmlStrEqual (uri, BAD_CAST XINCLUDE_NS_2001) ||
                      xmlStrEqual (uri, BAD_CAST XINCLUDE_NS_2003)))
    {
      message = g_strdup_printf (_("<%s%s%s> asks to include another file (XInclude), which "
                                   "Frontier never does"),
                                 prefix != NULL ? (const char *) prefix : "",
                                 prefix != NULL ? ":" : "", (const char *) localname);
      stop_with (ctx, FR_ERROR_UNSAFE, message);
      return;
    }
  g_ptr_array_add (state->open, g_strdup ((const char *) localname));
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  ParseState *state = state_from (ctx);

  state->depth--;
  state->text_run = 0;
  if (state->open->len > 0)
    g_ptr_array_remove_index (state->open, state->open->len - 1);
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

static gboolean
count_text (void *ctx,
            int   length)
{
  ParseState *state = state_from (ctx);

  state->text_run += (gsize) MAX (length, 0);
  if (state->text_run > FR_XML_MAX_TEXT_LENGTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("a text is longer than the %d characters Frontier accepts"),
                         FR_XML_MAX_TEXT_LENGTH);
      stop_with (ctx, FR_ERROR_TOO_LARGE, message);
      return FALSE;
    }
  return TRUE;
}

static void
on_characters (void          *ctx,
               const xmlChar *text,
               int            length)
{
  if (count_text (ctx, length))
    xmlSAX2Characters (ctx, text, length);
}

static void
on_cdata (void          *ctx,
          const xmlChar *text,
          int            length)
{
  if (count_text (ctx, length))
    xmlSAX2CDataBlock (ctx, text, length);
}

static void
on_reference (void          *ctx,
              const xmlChar *name)
{
  g_autofree char *message =
    g_strdup_printf (_("the document uses the entity “&%s;”; Frontier accepts only &amp; &lt; "
                       "&gt; &quot; and &apos;"), (const char *) name);
  stop_with (ctx, FR_ERROR_UNSAFE, message);
}

static void
on_error (void          *ctx,
          FrXmlErrorPtr  error)
{
  ParseState *state = state_from (ctx);
  g_autofree char *detail = NULL;
  g_autofree char *lower = NULL;
  int line, column;

  if (error == NULL || error->level < XML_ERR_ERROR || state->error != NULL)
    return;

  line = MAX (error->line, 1);
  column = MAX (error->int2, 1);
  detail = g_strchomp (g_strdup (error->message != NULL ? error->message : "?"));

  lower = g_ascii_strdown (detail, -1);
  /* libxml2's own limits (without XML_PARSE_HUGE) have no error code of
   * their own before 2.11; their messages say what they are. */
  if (strstr (lower, "too long") != NULL || strstr (lower, "huge") != NULL ||
      strstr (lower, "excessive") != NULL || strstr (lower, "too large") != NULL ||
      strstr (lower, "too big") != NULL)
    state->error = g_error_new (FR_ERROR, FR_ERROR_TOO_LARGE,
                                _("line %d, column %d: a name, value or text is longer than "
                                  "Frontier accepts (%s)"), line, column, detail);
  else if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY)
    state->error = g_error_new (FR_ERROR, FR_ERROR_UNSAFE,
                                _("line %d, column %d: the document uses an entity “&%s;” that "
                                  "it does not define; Frontier accepts only &amp; &lt; &gt; "
                                  "&quot; and &apos;"),
                                line, column, error->str1 != NULL ? error->str1 : "?");
  else if (error->code == XML_ERR_DOCUMENT_EMPTY ||
           (error->code == XML_ERR_DOCUMENT_END && state->elements == 0))
    state->error = g_error_new (FR_ERROR, FR_ERROR_PARSE,
                                _("the file contains no XML; a Frontier document starts with "
                                  "<frontier>"));
  else if (error->code == XML_ERR_DOCUMENT_END && state->open->len > 0)
    state->error = g_error_new (FR_ERROR, FR_ERROR_PARSE,
                                _("line %d, column %d: the document ends inside <%s>, before "
                                  "all its elements are closed — the file may have been cut off"),
                                line, column,
                                (const char *) g_ptr_array_index (state->open, state->open->len - 1));
  else if (error->code == XML_ERR_DOCUMENT_END)
    state->error = g_error_new (FR_ERROR, FR_ERROR_PARSE,
                                _("line %d, column %d: there is more text after the end of the "
                                  "document (%s)"), line, column, detail);
  else if (error->code == XML_ERR_TAG_NOT_FINISHED || error->code == XML_ERR_LTSLASH_REQUIRED ||
           error->code == XML_ERR_GT_REQUIRED || strstr (detail, "Premature end") != NULL ||
           strstr (detail, "EndTag") != NULL)
    state->error = g_error_new (FR_ERROR, FR_ERROR_PARSE,
                                _("line %d, column %d: the document ends too early — the file "
                                  "may have been cut off (%s)"), line, column, detail);
  else
    state->error = g_error_new (FR_ERROR, FR_ERROR_PARSE,
                                _("line %d, column %d: this is not well-formed XML (%s)"),
                                line, column, detail);
}

#if LIBXML_VERSION >= 21400
static xmlParserErrors
refuse_resource (void                *ctx,
                 const char          *url,
                 const char          *public_id,
                 xmlResourceType      type,
                 xmlParserInputFlags  flags,
                 xmlParserInputPtr   *out)
{
  *out = NULL;
  return XML_IO_NETWORK_ATTEMPT;
}
#else
/* libxml2 before 2.14 has only a process-wide entity loader. Ours is
 * installed once and refuses everything while this thread is loading a
 * document, and otherwise defers to the loader it replaced, which keeps it
 * safe with documents loaded in several threads at once. */
static xmlExternalEntityLoader previous_loader;
static GPrivate refusing_loads = G_PRIVATE_INIT (NULL);

static xmlParserInputPtr
refusing_loader (const char       *url,
                 const char       *id,
                 xmlParserCtxtPtr  ctxt)
{
  if (g_private_get (&refusing_loads) != NULL)
    return NULL;
  return previous_loader != NULL ? previous_loader (url, id, ctxt) : NULL;
}

static void
install_refusing_loader (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      previous_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refusing_loader);
      g_once_init_leave (&installed, 1);
    }
}
#endif

static const char *
skip_past (const char *p,
           const char *end,
           const char *marker,
           guint      *line)
{
  gsize n = strlen (marker);

  for (; p < end; p++)
    {
      if ((gsize) (end - p) >= n && memcmp (p, marker, n) == 0)
        return p + n;
      if (*p == '\n')
        (*line)++;
    }
  return end;
}

/* libxml2 before 2.12 looks for duplicate attributes and namespace
 * declarations in quadratic time, before any callback of ours can count
 * them: 100 000 attributes take seconds, a 64 MiB file hours; and it looks
 * prefixes up through every namespace in scope. This linear scan counts
 * both first ('=' outside quoted values in each start tag, and "xmlns"
 * attributes in the whole document). */
static gboolean
check_attribute_counts (const char  *text,
                        gsize        length,
                        GError     **error)
{
  const char *p = text, *end = text + length;
  guint line = 1, namespaces = 0;

  while (p < end)
    {
      if (*p == '\n')
        line++;
      if (*p != '<')
        {
          p++;
          continue;
        }
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = skip_past (p + 4, end, "-->", &line);
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = skip_past (p + 9, end, "]]>", &line);
      else if (end - p >= 2 && p[1] == '?')
        p = skip_past (p + 2, end, "?>", &line);
      else if (end - p >= 2 && (p[1] == '!' || p[1] == '/'))
        p = skip_past (p + 2, end, ">", &line);
      else
        {
          guint n = 0, tag_line = line;
          char quote = 0;

          for (p++; p < end; p++)
            {
              if (*p == '\n')
                line++;
              if (quote != 0)
                {
                  if (*p == quote)
                    quote = 0;
                }
              else if (*p == '"' || *p == '\'')
                quote = *p;
              else if (*p == '=')
                n++;
              else if (*p == 'x' && end - p >= 5 && memcmp (p, "xmlns", 5) == 0 &&
                       g_ascii_isspace (p[-1]) && ++namespaces > FR_XML_MAX_NAMESPACES)
                {
                  g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                               _("line %u: the document declares more than %d namespaces, "
                                 "more than Frontier accepts"), line, FR_XML_MAX_NAMESPACES);
                  return FALSE;
                }
              else if (*p == '>')
                break;
            }
          if (n > FR_XML_MAX_ATTRIBUTES)
            {
              g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                           _("line %u: an element has more than %d attributes and namespace "
                             "declarations, more than Frontier accepts"),
                           tag_line, FR_XML_MAX_ATTRIBUTES);
              return FALSE;
            }
          if (p < end)
            p++;
        }
    }
  return TRUE;
}

/* Parses UTF-8 @text into a tree; NULL with @error set on any problem. */
static xmlDocPtr
parse_text (const char  *text,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  xmlSAXHandler sax;
  xmlParserCtxtPtr ctxt;
  ParseState state = { 0 };
  xmlDocPtr doc = NULL;
  int options = XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES;

#if LIBXML_VERSION >= 21300
  options |= XML_PARSE_NO_XXE;
#endif
#if LIBXML_VERSION >= 21400
  options |= XML_PARSE_NO_SYS_CATALOG;
#endif

  if (!check_attribute_counts (text, length, error))
    return NULL;

  xmlInitParser ();
#if LIBXML_VERSION < 21400
  install_refusing_loader ();
#endif

  memset (&sax, 0, sizeof sax);
  xmlSAXVersion (&sax, 2);
  sax.internalSubset = refuse_doctype;
  sax.externalSubset = refuse_doctype;
  sax.entityDecl = refuse_entity_decl;
  sax.resolveEntity = refuse_resolve_entity;
  sax.getParameterEntity = no_parameter_entity;
  sax.reference = on_reference;
  sax.notationDecl = NULL;
  sax.attributeDecl = NULL;
  sax.elementDecl = NULL;
  sax.unparsedEntityDecl = NULL;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_cdata;
  sax.warning = NULL;
  sax.error = NULL;
  sax.fatalError = NULL;
#if LIBXML_VERSION < 21300
  sax.serror = on_error;
#endif

  ctxt = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, display_name);
  if (ctxt == NULL)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_FAILED, _("out of memory while reading the document"));
      return NULL;
    }
  state.open = g_ptr_array_new_with_free_func (g_free);
  ctxt->_private = &state;
#if LIBXML_VERSION >= 21300
  xmlCtxtSetErrorHandler (ctxt, on_error, ctxt);
#endif
#if LIBXML_VERSION >= 21400
  xmlCtxtSetResourceLoader (ctxt, refuse_resource, NULL);
#endif
#if LIBXML_VERSION >= 21300
  xmlCtxtSetOptions (ctxt, options);
#else
  xmlCtxtUseOptions (ctxt, options);
#endif

#if LIBXML_VERSION < 21400
  g_private_set (&refusing_loads, GINT_TO_POINTER (1));
#endif
  for (gsize offset = 0; offset < length && state.error == NULL; offset += PARSE_CHUNK)
    {
      gsize n = MIN (PARSE_CHUNK, length - offset);
      if (xmlParseChunk (ctxt, text + offset, (int) n, 0) != 0 && state.error == NULL)
        break;
    }
  if (state.error == NULL)
    xmlParseChunk (ctxt, NULL, 0, 1);
#if LIBXML_VERSION < 21400
  g_private_set (&refusing_loads, NULL);
#endif

  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (state.error == NULL && !ctxt->wellFormed)
    {
      /* An error without a structured report, which libxml2 should not do. */
      state.error = g_error_new (FR_ERROR, FR_ERROR_PARSE, _("this is not well-formed XML"));
    }
  if (state.error == NULL && doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    state.error = g_error_new (FR_ERROR, FR_ERROR_UNSAFE,
                               _("the document has a DOCTYPE declaration, which Frontier refuses"));
  if (state.error == NULL && (doc == NULL || xmlDocGetRootElement (doc) == NULL))
    state.error = g_error_new (FR_ERROR, FR_ERROR_PARSE,
                               _("the file contains no XML; a Frontier document starts with "
                                 "<frontier>"));
  xmlFreeParserCtxt (ctxt);
  g_ptr_array_unref (state.open);

  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      if (doc != NULL)
        xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* Serialises @node as libxml2 would, without any declaration. */
static int
gstring_write (void       *context,
               const char *buffer,
               int         length)
{
  g_string_append_len (context, buffer, length);
  return length;
}

static char *
dump_node (xmlNodePtr node)
{
  GString *out = g_string_new (NULL);
  xmlSaveCtxtPtr save = xmlSaveToIO (gstring_write, NULL, out, "UTF-8", XML_SAVE_NO_DECL);

  xmlSaveTree (save, node);
  xmlSaveClose (save);
  return g_string_free (out, FALSE);
}

static gboolean
has_unqualified_element (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        (child->ns == NULL || has_unqualified_element (child)))
      return TRUE;
  return FALSE;
}

static gboolean
declares_default_namespace (xmlNodePtr node)
{
  for (xmlNsPtr ns = node->nsDef; ns != NULL; ns = ns->next)
    if (ns->prefix == NULL)
      return TRUE;
  return FALSE;
}

/* A copy of @node that declares every namespace it uses, serialised. It is
 * written back inside our elements, where our namespace is the default, so
 * elements in no namespace below it need xmlns="" to stay in none. */
static char *
dump_standalone (xmlNodePtr node)
{
  xmlDocPtr doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr copy = xmlDocCopyNode (node, doc, 1);
  char *text;

  if (!declares_default_namespace (copy) && has_unqualified_element (copy))
    xmlNewNs (copy, BAD_CAST "", NULL);
  xmlDocSetRootElement (doc, copy);
  text = dump_node (copy);
  xmlFreeDoc (doc);
  return text;
}

/* ------------------------------------------------------------------ */
/* Stage 3: the tree                                                   */
/* ------------------------------------------------------------------ */

typedef enum {
  KIND_SOURCE,
  KIND_CRITERION,
  KIND_ELEMENT,
  KIND_OPTION,
  KIND_STAKEHOLDER,
  KIND_EVENT,
  KIND_LAYER,
  KIND_VIEW,
  N_KINDS
} IdKind;

typedef struct {
  char *referrer;       /* element id that has the rule */
  char *target;
  const char *rule;     /* "excludes" or "requires" */
  long line;
} PendingRule;

typedef struct {
  FrModel *model;
  GError *error;
  GHashTable *ids[N_KINDS];      /* id → GINT_TO_POINTER (line) */
  GHashTable *criteria;          /* id → FrCriterion*, borrowed */
  GPtrArray *rules;              /* PendingRule* */
} Loader;

/* Every local name the format defines: one of these in the wrong place is
 * a mistake, any other name in our namespace is from a newer version. */
static const char *const vocabulary[] = {
  "frontier", "meta", "title", "description", "author", "language", "ceasefire",
  "sources", "source", "criteria", "group", "criterion", "value-function", "point",
  "preference", "elements", "baseline", "value", "element", "effect", "excludes",
  "requires", "options", "option", "includes", "score", "stakeholders", "stakeholder",
  "rationale", "weight", "timeline", "event", "status", "projections", "projection",
  "zone", "layers", "layer", "views", "view", "notes",
};

static void
pending_rule_free (PendingRule *rule)
{
  g_free (rule->referrer);
  g_free (rule->target);
  g_free (rule);
}

static long
line_of (xmlNodePtr node)
{
  return node != NULL ? xmlGetLineNo (node) : 0;
}

static const char *
local_name (xmlNodePtr node)
{
  return (const char *) node->name;
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Loader     *l,
      xmlNodePtr  node,
      FrError     code,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (l->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (node != NULL && line_of (node) > 0)
    l->error = g_error_new (FR_ERROR, code, _("line %ld: %s"), line_of (node), message);
  else
    l->error = g_error_new_literal (FR_ERROR, code, message);
  return FALSE;
}

static gboolean
is_ours (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST FR_XML_NAMESPACE);
}

static gboolean
is_named (xmlNodePtr  node,
          const char *name)
{
  return is_ours (node) && g_str_equal (local_name (node), name);
}

static gboolean
in_vocabulary (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    if (g_str_equal (vocabulary[i], name))
      return TRUE;
  return FALSE;
}

static FrForeign *
foreign_for (Loader     *l,
             const char *path)
{
  FrForeign *foreign = g_hash_table_lookup (l->model->extensions, path);

  if (foreign == NULL)
    {
      foreign = fr_foreign_new ();
      g_hash_table_insert (l->model->extensions, g_strdup (path), foreign);
    }
  return foreign;
}

static void
keep_element (Loader     *l,
              const char *path,
              xmlNodePtr  node)
{
  char *text = dump_standalone (node);

  if (path == NULL)
    g_ptr_array_add (l->model->foreign, text);
  else
    g_ptr_array_add (foreign_for (l, path)->elements, text);
}

/* Keeps every attribute of @node that is not in @known (names without a
 * namespace); NULL-terminated list. */
static gboolean
keep_attributes (Loader            *l,
                 xmlNodePtr         node,
                 const char        *path,
                 const char *const *known)
{
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      FrForeignAttribute *kept;
      gboolean is_known = FALSE;
      xmlChar *value;

      if (attr->ns == NULL)
        for (guint i = 0; known[i] != NULL; i++)
          if (g_str_equal ((const char *) attr->name, known[i]))
            is_known = TRUE;
      if (is_known)
        continue;

      value = xmlNodeGetContent ((xmlNodePtr) attr);
      kept = g_new0 (FrForeignAttribute, 1);
      if (attr->ns != NULL)
        {
          kept->ns = g_strdup ((const char *) attr->ns->href);
          kept->prefix = g_strdup ((const char *) attr->ns->prefix);
        }
      kept->name = g_strdup ((const char *) attr->name);
      kept->value = g_strdup (value != NULL ? (const char *) value : "");
      xmlFree (value);
      g_ptr_array_add (foreign_for (l, path)->attributes, kept);
    }
  return TRUE;
}

typedef enum {
  CHILD_SKIP,      /* comment, white space, kept foreign element */
  CHILD_OURS,      /* an element of ours for the caller to handle */
  CHILD_ERROR,
} ChildKind;

/* Sorts out one child of an element. Text is allowed only when
 * @text_allowed; foreign elements are kept under @path. */
static ChildKind
classify_child (Loader     *l,
                xmlNodePtr  parent,
                xmlNodePtr  child,
                const char *path,
                gboolean    text_allowed)
{
  switch (child->type)
    {
    case XML_ELEMENT_NODE:
      if (child->ns == NULL)
        {
          fail (l, child, FR_ERROR_INVALID,
                _("<%s> inside <%s> has no namespace; Frontier's elements are in “%s” and "
                  "others need a namespace of their own"),
                local_name (child), local_name (parent), FR_XML_NAMESPACE);
          return CHILD_ERROR;
        }
      if (!is_ours (child))
        {
          keep_element (l, path, child);
          return CHILD_SKIP;
        }
      return CHILD_OURS;

    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (text_allowed)
        return CHILD_SKIP;
      for (const xmlChar *p = child->content; p != NULL && *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          {
            g_autofree char *text = g_strndup ((const char *) p, 40);
            g_strchomp (text);
            fail (l, child, FR_ERROR_INVALID,
                  _("unexpected text “%s” inside <%s>, which holds only other elements"),
                  text, local_name (parent));
            return CHILD_ERROR;
          }
      return CHILD_SKIP;

    case XML_COMMENT_NODE:
    case XML_PI_NODE:
      return CHILD_SKIP;

    default:
      fail (l, child, FR_ERROR_UNSAFE, _("unexpected markup inside <%s>"), local_name (parent));
      return CHILD_ERROR;
    }
}

/* An element of ours the caller does not expect here: from a newer
 * version (kept) or misplaced (an error). */
static gboolean
unexpected_child (Loader     *l,
                  xmlNodePtr  parent,
                  xmlNodePtr  child,
                  const char *path)
{
  if (in_vocabulary (local_name (child)))
    return fail (l, child, FR_ERROR_INVALID, _("<%s> does not belong inside <%s>"),
                 local_name (child), local_name (parent));
  keep_element (l, path, child);
  return TRUE;
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
require_attr (Loader      *l,
              xmlNodePtr   node,
              const char  *name,
              char       **out)
{
  *out = get_attr (node, name);
  if (*out == NULL)
    return fail (l, node, FR_ERROR_INVALID, _("<%s> needs a “%s” attribute"),
                 local_name (node), name);
  if (**out == '\0')
    return fail (l, node, FR_ERROR_INVALID, _("the “%s” attribute of <%s> is empty"),
                 name, local_name (node));
  return TRUE;
}

/* Text content (text and CDATA children, trimmed); NULL when empty.
 * Foreign child elements are kept under @path. */
static gboolean
get_text (Loader      *l,
          xmlNodePtr   node,
          const char  *path,
          char       **out)
{
  GString *text = g_string_new (NULL);

  *out = NULL;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, TRUE);

      if (kind == CHILD_ERROR)
        {
          g_string_free (text, TRUE);
          return FALSE;
        }
      if (kind == CHILD_OURS)
        {
          if (!unexpected_child (l, node, child, path))
            {
              g_string_free (text, TRUE);
              return FALSE;
            }
          continue;
        }
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
          child->content != NULL)
        g_string_append (text, (const char *) child->content);
    }
  g_strstrip (text->str);
  if (text->str[0] == '\0')
    g_string_free (text, TRUE);
  else
    *out = g_string_free (text, FALSE);
  return TRUE;
}

/* A text-only element such as <description>: its content into *out. */
static gboolean
load_text_element (Loader      *l,
                   xmlNodePtr   node,
                   const char  *path,
                   char       **out)
{
  static const char *const known[] = { NULL };

  if (*out != NULL)
    return fail (l, node, FR_ERROR_INVALID, _("<%s> appears twice inside <%s>"),
                 local_name (node), local_name (node->parent));
  keep_attributes (l, node, path, known);
  return get_text (l, node, path, out);
}

static gboolean
check_id (Loader     *l,
          xmlNodePtr  node,
          const char *id,
          IdKind      kind)
{
  static const char *const kind_names[N_KINDS] = {
    N_("source"), N_("criterion or group"), N_("element"), N_("option"),
    N_("stakeholder"), N_("event"), N_("layer"), N_("view"),
  };
  gpointer previous;

  if (xmlValidateNCName (BAD_CAST id, 0) != 0)
    return fail (l, node, FR_ERROR_INVALID,
                 _("“%s” is not a valid id for <%s>: an id starts with a letter or “_” and "
                   "holds only letters, digits, “-”, “_” and “.”"), id, local_name (node));
  if (g_hash_table_lookup_extended (l->ids[kind], id, NULL, &previous))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the id “%s” is already used by another %s on line %d; ids must be unique"),
                 id, _(kind_names[kind]), GPOINTER_TO_INT (previous));
  if (g_hash_table_size (l->ids[kind]) >= FR_XML_MAX_ITEMS)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("the document has more than %d of <%s>"),
                 FR_XML_MAX_ITEMS, local_name (node));
  g_hash_table_insert (l->ids[kind], g_strdup (id), GINT_TO_POINTER ((int) line_of (node)));
  return TRUE;
}

/* Plain finite decimals: optional sign, digits, optional fraction (the
 * lexical space of xsd:decimal), surrounding white space allowed. */
static gboolean
parse_decimal (const char *text,
               double     *out)
{
  g_autofree char *copy = NULL;
  const char *p;
  gboolean digits = FALSE;
  double value;
  char *end;

  if (text == NULL || strlen (text) > FR_XML_MAX_NUMBER_LENGTH)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    {
      p++;
      digits = TRUE;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          digits = TRUE;
        }
    }
  if (!digits || *p != '\0')
    return FALSE;
  errno = 0;
  value = g_ascii_strtod (copy, &end);
  if (*end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Reads a number attribute; @required decides whether absence is an
 * error. Returns FALSE on error; *present tells whether it was there. */
static gboolean
number_attr (Loader     *l,
             xmlNodePtr  node,
             const char *name,
             gboolean    required,
             double      min,
             double      max,
             double     *out,
             gboolean   *present)
{
  g_autofree char *text = get_attr (node, name);
  double value;

  if (present != NULL)
    *present = text != NULL;
  if (text == NULL)
    return required ? fail (l, node, FR_ERROR_INVALID, _("<%s> needs a “%s” attribute"),
                            local_name (node), name)
                    : TRUE;
  if (!parse_decimal (text, &value))
    {
      g_autofree char *shown = g_strndup (text, 40);
      return fail (l, node, FR_ERROR_INVALID,
                   _("the “%s” of <%s> is “%s”, which is not a plain number; write a decimal "
                     "such as 4 or -0.75 (no exponents, NaN or infinity)"),
                   name, local_name (node), shown);
    }
  if (value < -FR_XML_MAX_MAGNITUDE || value > FR_XML_MAX_MAGNITUDE)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the “%s” of <%s> is %s, which is too large; numbers must lie between "
                   "-10^15 and 10^15"), name, local_name (node), text);
  if (value < min && min == 0.0 && max == G_MAXDOUBLE)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the “%s” of <%s> is %s, but it cannot be negative"),
                 name, local_name (node), text);
  if (value < min || value > max)
    {
      char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (lo, sizeof lo, "%g", min);
      g_ascii_formatd (hi, sizeof hi, "%g", max);
      return fail (l, node, FR_ERROR_INVALID,
                   _("the “%s” of <%s> is %s, outside the allowed range %s to %s"),
                   name, local_name (node), text, lo, hi);
    }
  *out = value;
  return TRUE;
}

static gboolean
date_attr (Loader     *l,
           xmlNodePtr  node,
           const char *name,
           gboolean    required,
           gint32     *out)
{
  g_autofree char *text = get_attr (node, name);

  if (text == NULL)
    return required ? fail (l, node, FR_ERROR_INVALID, _("<%s> needs a “%s” attribute"),
                            local_name (node), name)
                    : TRUE;
  if (!fr_day_parse (text, out))
    {
      g_autofree char *shown = g_strndup (text, 40);
      return fail (l, node, FR_ERROR_INVALID,
                   _("the “%s” of <%s> is “%s”, which is not a date; write it as YYYY-MM-DD, "
                     "for example 2023-04-04"), name, local_name (node), shown);
    }
  return TRUE;
}

static gboolean
bool_attr (Loader     *l,
           xmlNodePtr  node,
           const char *name,
           gboolean   *out)
{
  g_autofree char *text = get_attr (node, name);

  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *out = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *out = FALSE;
  else
    return fail (l, node, FR_ERROR_INVALID,
                 _("the “%s” of <%s> must be “true” or “false”"), name, local_name (node));
  return TRUE;
}

static gboolean
color_attr (Loader      *l,
            xmlNodePtr   node,
            char       **out)
{
  g_autofree char *text = get_attr (node, "color");

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 7 || text[0] != '#')
    goto bad;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      goto bad;
  *out = g_ascii_strdown (text, -1);
  return TRUE;

bad:
  return fail (l, node, FR_ERROR_INVALID,
               _("the colour “%s” of <%s> is not a colour; write it as #rrggbb, for example "
                 "#0057b7"), text, local_name (node));
}

/* A reference to a leaf criterion; *criterion is set when valid. */
static gboolean
criterion_ref (Loader       *l,
               xmlNodePtr    node,
               char        **id,
               FrCriterion **criterion)
{
  if (!require_attr (l, node, "criterion", id))
    return FALSE;
  *criterion = g_hash_table_lookup (l->criteria, *id);
  if (*criterion == NULL)
    return fail (l, node, FR_ERROR_INVALID,
                 _("<%s> names criterion “%s”, which the document does not define"),
                 local_name (node), *id);
  if ((*criterion)->is_group)
    return fail (l, node, FR_ERROR_INVALID,
                 _("<%s> names “%s”, which is a group of criteria; only single criteria "
                   "carry scores, effects and weights"), local_name (node), *id);
  return TRUE;
}

static gboolean
source_ref (Loader      *l,
            xmlNodePtr   node,
            char       **out)
{
  char *id = get_attr (node, "source");

  if (id == NULL)
    return TRUE;
  *out = id;
  if (!g_hash_table_contains (l->ids[KIND_SOURCE], id))
    return fail (l, node, FR_ERROR_INVALID,
                 _("<%s> cites source “%s”, which the document does not list under "
                   "<sources>"), local_name (node), id);
  return TRUE;
}

static gboolean
within_scale (Loader            *l,
              xmlNodePtr         node,
              const FrCriterion *criterion,
              const char        *attr,
              double             value)
{
  char v[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

  if (!criterion->has_scale || (value >= criterion->scale_min && value <= criterion->scale_max))
    return TRUE;
  g_ascii_formatd (v, sizeof v, "%.15g", value);
  g_ascii_formatd (lo, sizeof lo, "%.15g", criterion->scale_min);
  g_ascii_formatd (hi, sizeof hi, "%.15g", criterion->scale_max);
  return fail (l, node, FR_ERROR_INVALID,
               _("the “%s” of <%s> is %s, outside the scale of criterion “%s” (%s to %s)"),
               attr, local_name (node), v, criterion->id, lo, hi);
}

/* meta ---------------------------------------------------------------- */

typedef gboolean (*LoadItemFunc) (Loader     *l,
                                  xmlNodePtr  node);

/* A section that holds one kind of item (<options> of <option>…): its own
 * attributes kept, each item loaded, anything else refused or kept. */
static gboolean
load_list (Loader       *l,
           xmlNodePtr    node,
           const char   *container,
           const char   *item,
           LoadItemFunc  load_item)
{
  static const char *const known[] = { NULL };

  keep_attributes (l, node, container, known);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, container, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, item))
        {
          if (!load_item (l, child))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, container))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_meta (Loader     *l,
           xmlNodePtr  node)
{
  static const char *const known[] = { NULL };
  static const char *const ceasefire_known[] = { "date", NULL };
  FrModel *model = l->model;
  gboolean seen_ceasefire = FALSE;

  keep_attributes (l, node, "meta", known);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, "meta", FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "title"))
        {
          if (!load_text_element (l, child, "meta/title", &model->title))
            return FALSE;
        }
      else if (is_named (child, "description"))
        {
          if (!load_text_element (l, child, "meta/description", &model->description))
            return FALSE;
        }
      else if (is_named (child, "author"))
        {
          if (!load_text_element (l, child, "meta/author", &model->author))
            return FALSE;
        }
      else if (is_named (child, "language"))
        {
          if (!load_text_element (l, child, "meta/language", &model->language))
            return FALSE;
        }
      else if (is_named (child, "ceasefire"))
        {
          if (seen_ceasefire)
            return fail (l, child, FR_ERROR_INVALID, _("<ceasefire> appears twice inside <meta>"));
          seen_ceasefire = TRUE;
          keep_attributes (l, child, "meta/ceasefire", ceasefire_known);
          if (!date_attr (l, child, "date", TRUE, &model->ceasefire_day))
            return FALSE;
          for (xmlNodePtr c = child->children; c != NULL; c = c->next)
            {
              ChildKind k = classify_child (l, child, c, "meta/ceasefire", FALSE);
              if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, child, c, "meta/ceasefire")))
                return FALSE;
            }
        }
      else if (!unexpected_child (l, node, child, "meta"))
        return FALSE;
    }
  return TRUE;
}

/* sources ------------------------------------------------------------- */

static gboolean
load_sources (Loader     *l,
              xmlNodePtr  node)
{
  static const char *const known[] = { NULL };
  static const char *const source_known[] = {
    "id", "title", "author", "publisher", "date", "url", NULL
  };

  keep_attributes (l, node, "sources", known);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, "sources", FALSE);
      g_autofree char *id = NULL, *title = NULL, *path = NULL;
      FrSource *source;

      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (!is_named (child, "source"))
        {
          if (!unexpected_child (l, node, child, "sources"))
            return FALSE;
          continue;
        }
      if (!require_attr (l, child, "id", &id) || !check_id (l, child, id, KIND_SOURCE) ||
          !require_attr (l, child, "title", &title))
        return FALSE;
      source = fr_source_new (id, title);
      g_ptr_array_add (l->model->sources, source);
      source->author = get_attr (child, "author");
      source->publisher = get_attr (child, "publisher");
      source->date = get_attr (child, "date");
      source->url = get_attr (child, "url");
      path = g_strconcat ("source:", id, NULL);
      keep_attributes (l, child, path, source_known);
      if (!get_text (l, child, path, &source->note))
        return FALSE;
    }
  return TRUE;
}

/* criteria ------------------------------------------------------------ */

static gboolean load_criteria_children (Loader     *l,
                                        xmlNodePtr  node,
                                        const char *parent_id,
                                        const char *path);

static gboolean
load_value_function (Loader      *l,
                     xmlNodePtr   node,
                     FrCriterion *criterion,
                     const char  *path)
{
  static const char *const known[] = { NULL };
  static const char *const point_known[] = { "x", "value", NULL };
  g_autofree char *vf_path = g_strconcat (path, "/value-function", NULL);

  keep_attributes (l, node, vf_path, known);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, vf_path, FALSE);
      g_autofree char *point_path = NULL;
      FrValuePoint point;

      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (!is_named (child, "point"))
        {
          if (!unexpected_child (l, node, child, vf_path))
            return FALSE;
          continue;
        }
      if (criterion->value_function->len >= FR_XML_MAX_ITEMS)
        return fail (l, child, FR_ERROR_TOO_LARGE, _("a value function has more than %d points"),
                     FR_XML_MAX_ITEMS);
      if (!number_attr (l, child, "x", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &point.x, NULL) ||
          !number_attr (l, child, "value", TRUE, 0.0, 1.0, &point.value, NULL) ||
          !within_scale (l, child, criterion, "x", point.x))
        return FALSE;
      if (criterion->value_function->len > 0 &&
          point.x <= g_array_index (criterion->value_function, FrValuePoint,
                                    criterion->value_function->len - 1).x)
        return fail (l, child, FR_ERROR_INVALID,
                     _("the points of the value function of “%s” must have increasing x"),
                     criterion->id);
      point_path = g_strdup_printf ("%s/point:%u", path, criterion->value_function->len);
      keep_attributes (l, child, point_path, point_known);
      for (xmlNodePtr c = child->children; c != NULL; c = c->next)
        {
          ChildKind k = classify_child (l, child, c, point_path, FALSE);
          if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, child, c, point_path)))
            return FALSE;
        }
      g_array_append_val (criterion->value_function, point);
    }
  if (criterion->value_function->len == 1)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the value function of “%s” has one point; it needs at least two"),
                 criterion->id);
  return TRUE;
}

static gboolean
load_preference (Loader      *l,
                 xmlNodePtr   node,
                 FrCriterion *criterion,
                 const char  *path)
{
  static const char *const known[] = { "function", "q", "p", "s", NULL };
  g_autofree char *pref_path = g_strconcat (path, "/preference", NULL);
  g_autofree char *function = get_attr (node, "function");
  FrPreference *pref = &criterion->preference;

  keep_attributes (l, node, pref_path, known);
  if (function != NULL && !fr_preference_kind_from_string (function, &pref->kind))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the preference function “%s” is not one Frontier knows; use usual, ushape, "
                   "vshape, level, linear or gaussian"), function);
  if (!number_attr (l, node, "q", FALSE, 0.0, G_MAXDOUBLE, &pref->q, NULL) ||
      !number_attr (l, node, "p", FALSE, 0.0, G_MAXDOUBLE, &pref->p, NULL) ||
      !number_attr (l, node, "s", FALSE, 0.0, G_MAXDOUBLE, &pref->s, NULL))
    return FALSE;
  if ((pref->kind == FR_PREF_LEVEL || pref->kind == FR_PREF_LINEAR) && pref->q > pref->p)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the indifference threshold q of “%s” is larger than its preference "
                   "threshold p"), criterion->id);
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      ChildKind k = classify_child (l, node, c, pref_path, FALSE);
      if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, node, c, pref_path)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_criterion (Loader     *l,
                xmlNodePtr  node,
                const char *parent_id,
                gboolean    is_group)
{
  static const char *const group_known[] = { "id", "name", NULL };
  static const char *const leaf_known[] = { "id", "name", "direction", "min", "max", "unit", NULL };
  g_autofree char *id = NULL, *name = NULL, *path = NULL, *direction = NULL;
  FrCriterion *criterion;
  gboolean has_min = FALSE, has_max = FALSE;
  gboolean seen_vf = FALSE, seen_pref = FALSE;

  if (!require_attr (l, node, "id", &id) || !check_id (l, node, id, KIND_CRITERION) ||
      !require_attr (l, node, "name", &name))
    return FALSE;
  if (l->model->criteria->len >= FR_XML_MAX_CRITERIA)
    return fail (l, node, FR_ERROR_TOO_LARGE,
                 _("the document has more than %d criteria and groups"), FR_XML_MAX_CRITERIA);

  criterion = fr_criterion_new (id, name);
  criterion->is_group = is_group;
  criterion->parent_id = g_strdup (parent_id);
  g_ptr_array_add (l->model->criteria, criterion);
  g_hash_table_insert (l->criteria, criterion->id, criterion);
  path = g_strconcat ("criterion:", id, NULL);
  keep_attributes (l, node, path, is_group ? group_known : leaf_known);

  if (is_group)
    return load_criteria_children (l, node, id, path);

  criterion->unit = get_attr (node, "unit");
  direction = get_attr (node, "direction");
  if (direction != NULL && g_str_equal (direction, "cost"))
    criterion->direction = FR_DIRECTION_COST;
  else if (direction != NULL && !g_str_equal (direction, "benefit"))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the direction of criterion “%s” is “%s”; it must be “benefit” (more is "
                   "better) or “cost” (less is better)"), id, direction);
  if (!number_attr (l, node, "min", FALSE, -G_MAXDOUBLE, G_MAXDOUBLE, &criterion->scale_min, &has_min) ||
      !number_attr (l, node, "max", FALSE, -G_MAXDOUBLE, G_MAXDOUBLE, &criterion->scale_max, &has_max))
    return FALSE;
  if (has_min != has_max)
    return fail (l, node, FR_ERROR_INVALID,
                 _("criterion “%s” has only one end of its scale; give both “min” and “max” "
                   "or neither"), id);
  if (has_min && criterion->scale_min >= criterion->scale_max)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the scale of criterion “%s” runs from min to max, so “min” must be smaller "
                   "than “max”"), id);
  criterion->has_scale = has_min;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "description"))
        {
          g_autofree char *p = g_strconcat (path, "/description", NULL);
          if (!load_text_element (l, child, p, &criterion->description))
            return FALSE;
        }
      else if (is_named (child, "value-function"))
        {
          if (seen_vf)
            return fail (l, child, FR_ERROR_INVALID, _("criterion “%s” has two value functions"), id);
          seen_vf = TRUE;
          if (!load_value_function (l, child, criterion, path))
            return FALSE;
        }
      else if (is_named (child, "preference"))
        {
          if (seen_pref)
            return fail (l, child, FR_ERROR_INVALID, _("criterion “%s” has two preference functions"), id);
          seen_pref = TRUE;
          if (!load_preference (l, child, criterion, path))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_criteria_children (Loader     *l,
                        xmlNodePtr  node,
                        const char *parent_id,
                        const char *path)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "group"))
        {
          if (!load_criterion (l, child, parent_id, TRUE))
            return FALSE;
        }
      else if (is_named (child, "criterion"))
        {
          if (!load_criterion (l, child, parent_id, FALSE))
            return FALSE;
        }
      else if (parent_id != NULL && is_named (child, "description"))
        {
          g_autofree char *p = g_strconcat (path, "/description", NULL);
          FrCriterion *group = g_hash_table_lookup (l->criteria, parent_id);
          if (!load_text_element (l, child, p, &group->description))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_criteria (Loader     *l,
               xmlNodePtr  node)
{
  static const char *const known[] = { NULL };

  keep_attributes (l, node, "criteria", known);
  return load_criteria_children (l, node, NULL, "criteria");
}

/* elements ------------------------------------------------------------ */

static gboolean
load_baseline (Loader     *l,
               xmlNodePtr  node)
{
  static const char *const known[] = { NULL };
  static const char *const value_known[] = { "criterion", "value", NULL };

  keep_attributes (l, node, "baseline", known);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, "baseline", FALSE);
      g_autofree char *id = NULL, *path = NULL;
      FrCriterion *criterion;
      double value;

      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (!is_named (child, "value"))
        {
          if (!unexpected_child (l, node, child, "baseline"))
            return FALSE;
          continue;
        }
      if (!criterion_ref (l, child, &id, &criterion) ||
          !number_attr (l, child, "value", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &value, NULL) ||
          !within_scale (l, child, criterion, "value", value))
        return FALSE;
      if (g_hash_table_contains (l->model->baseline, id))
        return fail (l, child, FR_ERROR_INVALID,
                     _("the baseline gives criterion “%s” two values"), id);
      g_hash_table_insert (l->model->baseline, g_strdup (id), g_memdup2 (&value, sizeof value));
      path = g_strconcat ("baseline/value:", id, NULL);
      keep_attributes (l, child, path, value_known);
      for (xmlNodePtr c = child->children; c != NULL; c = c->next)
        {
          ChildKind k = classify_child (l, child, c, path, FALSE);
          if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, child, c, path)))
            return FALSE;
        }
    }
  return TRUE;
}

/* An <includes>, <excludes> or <requires>: its element id, unique in @list. */
static gboolean
load_element_ref (Loader      *l,
                  xmlNodePtr   node,
                  const char  *owner_path,
                  GPtrArray   *list,
                  char       **out)
{
  static const char *const known[] = { "element", NULL };
  g_autofree char *path = NULL;

  if (!require_attr (l, node, "element", out))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), *out))
      return fail (l, node, FR_ERROR_INVALID, _("<%s> names element “%s” twice"),
                   local_name (node), *out);
  if (list->len >= FR_XML_MAX_ELEMENTS_OF_BUNDLE)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("too many <%s>"), local_name (node));
  path = g_strdup_printf ("%s/%s:%s", owner_path, local_name (node), *out);
  keep_attributes (l, node, path, known);
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      ChildKind k = classify_child (l, node, c, path, FALSE);
      if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, node, c, path)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_element (Loader     *l,
              xmlNodePtr  node)
{
  static const char *const known[] = { "id", "name", "category", "source", NULL };
  static const char *const effect_known[] = { "criterion", "delta", NULL };
  g_autofree char *id = NULL, *name = NULL, *path = NULL;
  FrElement *element;

  if (!require_attr (l, node, "id", &id) || !check_id (l, node, id, KIND_ELEMENT) ||
      !require_attr (l, node, "name", &name))
    return FALSE;
  if (l->model->elements->len >= FR_XML_MAX_ELEMENTS_OF_BUNDLE)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("the document has more than %d elements of "
                                                "options"), FR_XML_MAX_ELEMENTS_OF_BUNDLE);
  element = fr_element_new (id, name);
  g_ptr_array_add (l->model->elements, element);
  element->category = get_attr (node, "category");
  path = g_strconcat ("element:", id, NULL);
  keep_attributes (l, node, path, known);
  if (!source_ref (l, node, &element->source_id))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "description"))
        {
          g_autofree char *p = g_strconcat (path, "/description", NULL);
          if (!load_text_element (l, child, p, &element->description))
            return FALSE;
        }
      else if (is_named (child, "effect"))
        {
          g_autofree char *criterion_id = NULL, *effect_path = NULL;
          FrCriterion *criterion;
          double delta;
          double span;

          if (!criterion_ref (l, child, &criterion_id, &criterion) ||
              !number_attr (l, child, "delta", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &delta, NULL))
            return FALSE;
          span = criterion->scale_max - criterion->scale_min;
          if (criterion->has_scale && fabs (delta) > span)
            return fail (l, child, FR_ERROR_INVALID,
                         _("the effect of element “%s” on “%s” is larger than the whole scale "
                           "of that criterion"), id, criterion_id);
          for (guint i = 0; i < element->effects->len; i++)
            if (g_str_equal (((FrEffect *) g_ptr_array_index (element->effects, i))->criterion_id, criterion_id))
              return fail (l, child, FR_ERROR_INVALID,
                           _("element “%s” has two effects on criterion “%s”"), id, criterion_id);
          g_ptr_array_add (element->effects, fr_effect_new (criterion_id, delta));
          effect_path = g_strdup_printf ("%s/effect:%s", path, criterion_id);
          keep_attributes (l, child, effect_path, effect_known);
          for (xmlNodePtr c = child->children; c != NULL; c = c->next)
            {
              ChildKind k = classify_child (l, child, c, effect_path, FALSE);
              if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, child, c, effect_path)))
                return FALSE;
            }
        }
      else if (is_named (child, "excludes") || is_named (child, "requires"))
        {
          gboolean excludes = is_named (child, "excludes");
          GPtrArray *list = excludes ? element->excludes : element->requires;
          PendingRule *rule;
          char *target = NULL;

          if (!load_element_ref (l, child, path, list, &target))
            {
              g_free (target);
              return FALSE;
            }
          if (g_str_equal (target, id))
            {
              g_free (target);
              return fail (l, child, FR_ERROR_INVALID,
                           _("element “%s” names itself in <%s>"), id, local_name (child));
            }
          g_ptr_array_add (list, target);
          rule = g_new0 (PendingRule, 1);
          rule->referrer = g_strdup (id);
          rule->target = g_strdup (target);
          rule->rule = excludes ? "excludes" : "requires";
          rule->line = line_of (child);
          g_ptr_array_add (l->rules, rule);
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_elements (Loader     *l,
               xmlNodePtr  node)
{
  static const char *const known[] = { NULL };
  gboolean seen_baseline = FALSE;

  keep_attributes (l, node, "elements", known);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, "elements", FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "baseline"))
        {
          if (seen_baseline)
            return fail (l, child, FR_ERROR_INVALID, _("<baseline> appears twice inside <elements>"));
          seen_baseline = TRUE;
          if (!load_baseline (l, child))
            return FALSE;
        }
      else if (is_named (child, "element"))
        {
          if (!load_element (l, child))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, "elements"))
        return FALSE;
    }

  /* Rules may name elements defined further down, so they are checked once
   * the whole section is known. */
  for (guint i = 0; i < l->rules->len; i++)
    {
      PendingRule *rule = g_ptr_array_index (l->rules, i);
      if (!g_hash_table_contains (l->ids[KIND_ELEMENT], rule->target))
        {
          l->error = g_error_new (FR_ERROR, FR_ERROR_INVALID,
                                  _("line %ld: <%s> of element “%s” names element “%s”, which the "
                                    "document does not define"),
                                  rule->line, rule->rule, rule->referrer, rule->target);
          return FALSE;
        }
    }
  return TRUE;
}

/* options ------------------------------------------------------------- */

static gboolean
load_score (Loader     *l,
            xmlNodePtr  node,
            FrOption   *option,
            const char *option_path)
{
  static const char *const known[] = { "criterion", "value", "low", "high", "source", NULL };
  g_autofree char *criterion_id = NULL, *path = NULL;
  FrCriterion *criterion;
  gboolean has_low = FALSE, has_high = FALSE;
  double value, low = 0, high = 0;
  FrScore *score;

  if (!criterion_ref (l, node, &criterion_id, &criterion) ||
      !number_attr (l, node, "value", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, &value, NULL) ||
      !number_attr (l, node, "low", FALSE, -G_MAXDOUBLE, G_MAXDOUBLE, &low, &has_low) ||
      !number_attr (l, node, "high", FALSE, -G_MAXDOUBLE, G_MAXDOUBLE, &high, &has_high))
    return FALSE;
  if (g_hash_table_contains (option->scores, criterion_id))
    return fail (l, node, FR_ERROR_INVALID,
                 _("option “%s” has two scores on criterion “%s”"), option->id, criterion_id);
  if (has_low != has_high)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the score of option “%s” on “%s” has only one end of its range; give both "
                   "“low” and “high” or neither"), option->id, criterion_id);
  if (has_low && !(low <= value && value <= high))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the score of option “%s” on “%s” lies outside its own range; “low” ≤ "
                   "“value” ≤ “high” must hold"), option->id, criterion_id);
  if (!within_scale (l, node, criterion, "value", value) ||
      (has_low && (!within_scale (l, node, criterion, "low", low) ||
                   !within_scale (l, node, criterion, "high", high))))
    return FALSE;

  score = fr_score_new (value);
  g_hash_table_insert (option->scores, g_strdup (criterion_id), score);
  score->has_range = has_low;
  if (has_low)
    {
      score->low = low;
      score->high = high;
    }
  if (!source_ref (l, node, &score->source_id))
    return FALSE;
  path = g_strdup_printf ("%s/score:%s", option_path, criterion_id);
  keep_attributes (l, node, path, known);
  return get_text (l, node, path, &score->rationale);
}

static gboolean
load_option (Loader     *l,
             xmlNodePtr  node)
{
  static const char *const known[] = { "id", "name", "color", NULL };
  g_autofree char *id = NULL, *name = NULL, *path = NULL;
  FrOption *option;

  if (!require_attr (l, node, "id", &id) || !check_id (l, node, id, KIND_OPTION) ||
      !require_attr (l, node, "name", &name))
    return FALSE;
  if (l->model->options->len >= FR_XML_MAX_OPTIONS)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("the document has more than %d options"),
                 FR_XML_MAX_OPTIONS);
  option = fr_option_new (id, name);
  g_ptr_array_add (l->model->options, option);
  path = g_strconcat ("option:", id, NULL);
  keep_attributes (l, node, path, known);
  if (!color_attr (l, node, &option->color))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "description"))
        {
          g_autofree char *p = g_strconcat (path, "/description", NULL);
          if (!load_text_element (l, child, p, &option->description))
            return FALSE;
        }
      else if (is_named (child, "includes"))
        {
          char *target = NULL;
          if (!load_element_ref (l, child, path, option->element_ids, &target))
            {
              g_free (target);
              return FALSE;
            }
          g_ptr_array_add (option->element_ids, target);
          if (!g_hash_table_contains (l->ids[KIND_ELEMENT], target))
            return fail (l, child, FR_ERROR_INVALID,
                         _("option “%s” includes element “%s”, which the document does not "
                           "define"), id, target);
        }
      else if (is_named (child, "score"))
        {
          if (!load_score (l, child, option, path))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_options (Loader     *l,
              xmlNodePtr  node)
{
  return load_list (l, node, "options", "option", load_option);
}

/* stakeholders and view weights --------------------------------------- */

static gboolean
load_weight (Loader      *l,
             xmlNodePtr   node,
             GHashTable  *weights,
             const char  *owner,
             const char  *owner_path)
{
  static const char *const known[] = { "criterion", "value", "low", "high", NULL };
  g_autofree char *criterion_id = NULL, *path = NULL;
  FrCriterion *criterion;
  gboolean has_low = FALSE, has_high = FALSE;
  double value, low = 0, high = 0;
  FrWeight *weight;

  if (!criterion_ref (l, node, &criterion_id, &criterion) ||
      !number_attr (l, node, "value", TRUE, 0.0, G_MAXDOUBLE, &value, NULL) ||
      !number_attr (l, node, "low", FALSE, 0.0, G_MAXDOUBLE, &low, &has_low) ||
      !number_attr (l, node, "high", FALSE, 0.0, G_MAXDOUBLE, &high, &has_high))
    return FALSE;
  if (g_hash_table_contains (weights, criterion_id))
    return fail (l, node, FR_ERROR_INVALID, _("“%s” gives criterion “%s” two weights"),
                 owner, criterion_id);
  if (has_low != has_high)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the weight of “%s” on “%s” has only one end of its interval; give both "
                   "“low” and “high” or neither"), owner, criterion_id);
  if (has_low && !(low <= value && value <= high))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the weight of “%s” on “%s” lies outside its own interval; “low” ≤ "
                   "“value” ≤ “high” must hold"), owner, criterion_id);
  weight = fr_weight_new (value);
  weight->has_interval = has_low;
  if (has_low)
    {
      weight->low = low;
      weight->high = high;
    }
  g_hash_table_insert (weights, g_strdup (criterion_id), weight);
  path = g_strdup_printf ("%s/weight:%s", owner_path, criterion_id);
  keep_attributes (l, node, path, known);
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      ChildKind k = classify_child (l, node, c, path, FALSE);
      if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, node, c, path)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_stakeholder (Loader     *l,
                  xmlNodePtr  node)
{
  static const char *const known[] = { "id", "name", "color", "reservation", NULL };
  g_autofree char *id = NULL, *name = NULL, *path = NULL;
  FrStakeholder *stakeholder;

  if (!require_attr (l, node, "id", &id) || !check_id (l, node, id, KIND_STAKEHOLDER) ||
      !require_attr (l, node, "name", &name))
    return FALSE;
  if (l->model->stakeholders->len >= FR_XML_MAX_STAKEHOLDERS)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("the document has more than %d stakeholders"),
                 FR_XML_MAX_STAKEHOLDERS);
  stakeholder = fr_stakeholder_new (id, name);
  g_ptr_array_add (l->model->stakeholders, stakeholder);
  path = g_strconcat ("stakeholder:", id, NULL);
  keep_attributes (l, node, path, known);
  if (!color_attr (l, node, &stakeholder->color) ||
      !number_attr (l, node, "reservation", FALSE, 0.0, 1.0, &stakeholder->reservation, NULL))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "rationale"))
        {
          g_autofree char *p = g_strconcat (path, "/rationale", NULL);
          if (!load_text_element (l, child, p, &stakeholder->rationale))
            return FALSE;
        }
      else if (is_named (child, "weight"))
        {
          if (!load_weight (l, child, stakeholder->weights, id, path))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_stakeholders (Loader     *l,
                   xmlNodePtr  node)
{
  return load_list (l, node, "stakeholders", "stakeholder", load_stakeholder);
}

/* timeline and projections -------------------------------------------- */

static gboolean
valid_region (const char *region)
{
  gsize n = strlen (region);

  if (n < 2 || !g_ascii_isupper (region[0]) || !g_ascii_isupper (region[1]))
    return FALSE;
  if (n == 2)
    return TRUE;
  if (region[2] != '-' || n < 4 || n > 6)
    return FALSE;
  for (gsize i = 3; i < n; i++)
    if (!g_ascii_isupper (region[i]) && !g_ascii_isdigit (region[i]))
      return FALSE;
  return TRUE;
}

/* @seen holds the regions already given in this event or projection, so
 * that a long list is checked in linear time. */
static gboolean
load_status (Loader      *l,
             xmlNodePtr   node,
             GPtrArray   *changes,
             GHashTable  *seen,
             const char  *owner_path)
{
  static const char *const known[] = { "region", "alignment", "eu", NULL };
  g_autofree char *region = NULL, *alignment = NULL, *eu = NULL, *path = NULL;
  FrAlignment a = FR_ALIGNMENT_UNCHANGED;
  FrEuStatus e = FR_EU_UNCHANGED;

  if (!require_attr (l, node, "region", &region))
    return FALSE;
  if (!valid_region (region))
    return fail (l, node, FR_ERROR_INVALID,
                 _("“%s” is not a region code; use ISO 3166-1 (“FI”) or ISO 3166-2 (“UA-43”)"),
                 region);
  alignment = get_attr (node, "alignment");
  eu = get_attr (node, "eu");
  if (alignment != NULL && !fr_alignment_from_string (alignment, &a))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the alignment “%s” is not one Frontier knows; use nato, neutral, "
                   "russia-aligned, russia, occupied, warsaw-pact or none"), alignment);
  if (eu != NULL && !fr_eu_status_from_string (eu, &e))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the EU status “%s” is not one Frontier knows; use member, candidate or none"),
                 eu);
  if (alignment == NULL && eu == NULL)
    return fail (l, node, FR_ERROR_INVALID,
                 _("the <status> of %s changes nothing; give an “alignment”, an “eu” status or "
                   "both"), region);
  if (g_hash_table_contains (seen, region))
    return fail (l, node, FR_ERROR_INVALID,
                 _("%s has two <status> elements in one place; combine them into one"), region);
  if (changes->len >= FR_XML_MAX_ITEMS)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("too many <status>"));
  g_ptr_array_add (changes, fr_status_change_new (region, a, e));
  g_hash_table_add (seen, g_strdup (region));
  path = g_strdup_printf ("%s/status:%s", owner_path, region);
  keep_attributes (l, node, path, known);
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      ChildKind k = classify_child (l, node, c, path, FALSE);
      if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, node, c, path)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_event (Loader     *l,
            xmlNodePtr  node)
{
  static const char *const known[] = { "id", "date", "category", "source", NULL };
  g_autofree char *id = NULL, *path = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint32 day = 0;
  FrEvent *event;

  if (!require_attr (l, node, "id", &id) || !check_id (l, node, id, KIND_EVENT) ||
      !date_attr (l, node, "date", TRUE, &day))
    return FALSE;
  event = fr_event_new (id, day, NULL);
  g_ptr_array_add (l->model->events, event);
  event->category = get_attr (node, "category");
  path = g_strconcat ("event:", id, NULL);
  keep_attributes (l, node, path, known);
  if (!source_ref (l, node, &event->source_id))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "title"))
        {
          g_autofree char *p = g_strconcat (path, "/title", NULL);
          if (!load_text_element (l, child, p, &event->title))
            return FALSE;
        }
      else if (is_named (child, "description"))
        {
          g_autofree char *p = g_strconcat (path, "/description", NULL);
          if (!load_text_element (l, child, p, &event->description))
            return FALSE;
        }
      else if (is_named (child, "status"))
        {
          if (!load_status (l, child, event->changes, regions, path))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  if (event->title == NULL)
    return fail (l, node, FR_ERROR_INVALID, _("event “%s” needs a <title>"), id);
  return TRUE;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const FrEvent *x = *(FrEvent *const *) a;
  const FrEvent *y = *(FrEvent *const *) b;
  return (x->day > y->day) - (x->day < y->day);
}

static gboolean
load_timeline (Loader     *l,
               xmlNodePtr  node)
{
  if (!load_list (l, node, "timeline", "event", load_event))
    return FALSE;
  /* The model keeps events by date; g_ptr_array_sort is stable, so events
   * on one day keep the file's order. */
  g_ptr_array_sort (l->model->events, compare_events);
  return TRUE;
}

static gboolean
load_zone (Loader       *l,
           xmlNodePtr    node,
           FrProjection *projection,
           GHashTable   *seen,
           const char   *owner_path)
{
  static const char *const known[] = { "id", "name", "kind", "closed", NULL };
  static const char *const point_known[] = { "lon", "lat", NULL };
  g_autofree char *id = NULL, *kind_name = NULL, *path = NULL;
  FrZone *zone;

  if (!require_attr (l, node, "id", &id) || !require_attr (l, node, "kind", &kind_name))
    return FALSE;
  if (xmlValidateNCName (BAD_CAST id, 0) != 0)
    return fail (l, node, FR_ERROR_INVALID,
                 _("“%s” is not a valid id for <zone>: an id starts with a letter or “_” and "
                   "holds only letters, digits, “-”, “_” and “.”"), id);
  if (g_hash_table_contains (seen, id))
    return fail (l, node, FR_ERROR_INVALID,
                 _("the projection has two zones with the id “%s”"), id);
  if (projection->zones->len >= FR_XML_MAX_ITEMS)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("too many <zone>"));
  zone = fr_zone_new (id, kind_name);
  g_ptr_array_add (projection->zones, zone);
  g_hash_table_add (seen, g_strdup (id));
  zone->name = get_attr (node, "name");
  if (!bool_attr (l, node, "closed", &zone->closed))
    return FALSE;
  path = g_strdup_printf ("%s/zone:%s", owner_path, id);
  keep_attributes (l, node, path, known);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      g_autofree char *point_path = NULL;
      FrLonLat point;

      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (!is_named (child, "point"))
        {
          if (!unexpected_child (l, node, child, path))
            return FALSE;
          continue;
        }
      if (zone->points->len >= FR_XML_MAX_ITEMS)
        return fail (l, child, FR_ERROR_TOO_LARGE, _("zone “%s” has more than %d points"),
                     id, FR_XML_MAX_ITEMS);
      if (!number_attr (l, child, "lon", TRUE, -180.0, 180.0, &point.lon, NULL) ||
          !number_attr (l, child, "lat", TRUE, -90.0, 90.0, &point.lat, NULL))
        return FALSE;
      point_path = g_strdup_printf ("%s/point:%u", path, zone->points->len);
      keep_attributes (l, child, point_path, point_known);
      for (xmlNodePtr c = child->children; c != NULL; c = c->next)
        {
          ChildKind k = classify_child (l, child, c, point_path, FALSE);
          if (k == CHILD_ERROR || (k == CHILD_OURS && !unexpected_child (l, child, c, point_path)))
            return FALSE;
        }
      g_array_append_val (zone->points, point);
    }
  if (zone->points->len < (zone->closed ? 3u : 2u))
    return fail (l, node, FR_ERROR_INVALID,
                 zone->closed ? _("zone “%s” is an area and needs at least three points")
                              : _("zone “%s” is a line and needs at least two points"), id);
  return TRUE;
}

static gboolean
load_projection (Loader     *l,
                 xmlNodePtr  node)
{
  static const char *const known[] = { "option", "date", NULL };
  g_autofree char *option = NULL, *path = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FrProjection *projection;
  gint32 day = 0;

  if (!require_attr (l, node, "option", &option) || !date_attr (l, node, "date", TRUE, &day))
    return FALSE;
  if (!g_hash_table_contains (l->ids[KIND_OPTION], option))
    return fail (l, node, FR_ERROR_INVALID,
                 _("<projection> is for option “%s”, which the document does not define"), option);
  if (l->model->projections->len >= FR_XML_MAX_ITEMS)
    return fail (l, node, FR_ERROR_TOO_LARGE, _("too many <projection>"));
  path = g_strdup_printf ("projection:%u", l->model->projections->len);
  projection = fr_projection_new (option, day);
  g_ptr_array_add (l->model->projections, projection);
  keep_attributes (l, node, path, known);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "description"))
        {
          g_autofree char *p = g_strconcat (path, "/description", NULL);
          if (!load_text_element (l, child, p, &projection->description))
            return FALSE;
        }
      else if (is_named (child, "status"))
        {
          if (!load_status (l, child, projection->changes, regions, path))
            return FALSE;
        }
      else if (is_named (child, "zone"))
        {
          if (!load_zone (l, child, projection, zones, path))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_projections (Loader     *l,
                  xmlNodePtr  node)
{
  return load_list (l, node, "projections", "projection", load_projection);
}

/* layers -------------------------------------------------------------- */

static gboolean
load_layer (Loader     *l,
            xmlNodePtr  node)
{
  static const char *const known[] = { "id", "name", "visible", "href", NULL };
  g_autofree char *id = NULL, *name = NULL, *path = NULL;
  FrLayer *layer;

  if (!require_attr (l, node, "id", &id) || !check_id (l, node, id, KIND_LAYER) ||
      !require_attr (l, node, "name", &name))
    return FALSE;
  layer = fr_layer_new (id, name, NULL);
  g_ptr_array_add (l->model->layers, layer);
  layer->href = get_attr (node, "href");
  if (!bool_attr (l, node, "visible", &layer->visible))
    return FALSE;
  path = g_strconcat ("layer:", id, NULL);
  keep_attributes (l, node, path, known);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind;

      /* The first foreign element is the layer's KML, not markup to keep. */
      if (child->type == XML_ELEMENT_NODE && child->ns != NULL && !is_ours (child) &&
          layer->kml == NULL)
        {
          if (!g_str_equal (local_name (child), "kml"))
            return fail (l, child, FR_ERROR_INVALID,
                         _("layer “%s” holds <%s>; a layer holds one KML document, <kml>"),
                         id, local_name (child));
          layer->kml = dump_standalone (child);
          continue;
        }
      if (child->type == XML_ELEMENT_NODE && child->ns != NULL && !is_ours (child))
        return fail (l, child, FR_ERROR_INVALID,
                     _("layer “%s” holds more than one KML document"), id);
      kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_OURS && !unexpected_child (l, node, child, path))
        return FALSE;
    }
  if (layer->kml == NULL && layer->href == NULL)
    return fail (l, node, FR_ERROR_INVALID,
                 _("layer “%s” is empty: put its KML inside it or name a KML file with “href”"),
                 id);
  if (layer->kml != NULL && layer->href != NULL)
    return fail (l, node, FR_ERROR_INVALID,
                 _("layer “%s” has both KML inside it and an “href”; keep one of the two"), id);
  return TRUE;
}

static gboolean
load_layers (Loader     *l,
             xmlNodePtr  node)
{
  return load_list (l, node, "layers", "layer", load_layer);
}

/* views --------------------------------------------------------------- */

static const char *const view_methods[] = { "wsm", "topsis", "promethee", NULL };
static const char *const view_charts[] = {
  "map", "ranking", "profile", "sensitivity", "smaa", "stakeholders", "timeline", NULL
};

static gboolean
in_list (const char        *value,
         const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (value, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
load_extent (Loader     *l,
             xmlNodePtr  node,
             FrView     *view)
{
  g_autofree char *text = get_attr (node, "extent");
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  parts = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (n >= 4 || !parse_decimal (parts[i], &view->extent[n]))
        goto bad;
      n++;
    }
  if (n != 4)
    goto bad;
  if (view->extent[0] < -180 || view->extent[2] > 180 || view->extent[1] < -90 ||
      view->extent[3] > 90 || view->extent[0] >= view->extent[2] ||
      view->extent[1] >= view->extent[3])
    return fail (l, node, FR_ERROR_INVALID,
                 _("the extent of view “%s” is not a map area: it needs west < east within "
                   "-180…180 and south < north within -90…90"), view->id);
  view->has_extent = TRUE;
  return TRUE;

bad:
  return fail (l, node, FR_ERROR_INVALID,
               _("the extent of view “%s” must be four numbers: west, south, east and north, "
                 "in degrees"), view->id);
}

static gboolean
load_view (Loader     *l,
           xmlNodePtr  node)
{
  static const char *const known[] = {
    "id", "title", "stakeholder", "method", "option", "chart", "date", "extent", NULL
  };
  g_autofree char *id = NULL, *title = NULL, *path = NULL;
  FrView *view;

  if (!require_attr (l, node, "id", &id) || !check_id (l, node, id, KIND_VIEW) ||
      !require_attr (l, node, "title", &title))
    return FALSE;
  view = fr_view_new (id, title);
  g_ptr_array_add (l->model->views, view);
  path = g_strconcat ("view:", id, NULL);
  keep_attributes (l, node, path, known);
  view->stakeholder_id = get_attr (node, "stakeholder");
  view->option_id = get_attr (node, "option");
  view->method = get_attr (node, "method");
  view->chart = get_attr (node, "chart");
  if (view->stakeholder_id != NULL &&
      !g_hash_table_contains (l->ids[KIND_STAKEHOLDER], view->stakeholder_id))
    return fail (l, node, FR_ERROR_INVALID,
                 _("view “%s” shows stakeholder “%s”, which the document does not define"),
                 id, view->stakeholder_id);
  if (view->option_id != NULL && !g_hash_table_contains (l->ids[KIND_OPTION], view->option_id))
    return fail (l, node, FR_ERROR_INVALID,
                 _("view “%s” selects option “%s”, which the document does not define"),
                 id, view->option_id);
  if (view->method != NULL && !in_list (view->method, view_methods))
    return fail (l, node, FR_ERROR_INVALID,
                 _("view “%s” uses the method “%s”; Frontier knows wsm, topsis and promethee"),
                 id, view->method);
  if (view->chart != NULL && !in_list (view->chart, view_charts))
    return fail (l, node, FR_ERROR_INVALID,
                 _("view “%s” shows the chart “%s”; Frontier knows map, ranking, profile, "
                   "sensitivity, smaa, stakeholders and timeline"), id, view->chart);
  if (!date_attr (l, node, "date", FALSE, &view->map_day) || !load_extent (l, node, view))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, node, child, path, FALSE);
      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      if (is_named (child, "notes"))
        {
          g_autofree char *p = g_strconcat (path, "/notes", NULL);
          if (!load_text_element (l, child, p, &view->notes))
            return FALSE;
        }
      else if (is_named (child, "weight"))
        {
          if (view->weights == NULL)
            view->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) fr_weight_free);
          if (!load_weight (l, child, view->weights, id, path))
            return FALSE;
        }
      else if (!unexpected_child (l, node, child, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_views (Loader     *l,
            xmlNodePtr  node)
{
  return load_list (l, node, "views", "view", load_view);
}

/* root ---------------------------------------------------------------- */

typedef gboolean (*SectionLoader) (Loader     *l,
                                   xmlNodePtr  node);

static const struct {
  const char *name;
  SectionLoader load;
} sections[] = {
  { "meta", load_meta },
  { "sources", load_sources },
  { "criteria", load_criteria },
  { "elements", load_elements },
  { "options", load_options },
  { "stakeholders", load_stakeholders },
  { "timeline", load_timeline },
  { "projections", load_projections },
  { "layers", load_layers },
  { "views", load_views },
};

static gboolean
check_version (Loader     *l,
               xmlNodePtr  root)
{
  g_autofree char *version = get_attr (root, "version");
  const char *p;
  guint64 major;
  char *end;

  if (version == NULL)
    return fail (l, root, FR_ERROR_INVALID,
                 _("<frontier> needs a “version” attribute; this is format version 1"));
  p = version;
  if (!g_ascii_isdigit (*p))
    goto bad;
  major = g_ascii_strtoull (p, &end, 10);
  if (*end == '.')
    {
      end++;
      if (!g_ascii_isdigit (*end))
        goto bad;
      while (g_ascii_isdigit (*end))
        end++;
    }
  if (*end != '\0')
    goto bad;
  if (major != 1)
    return fail (l, root, FR_ERROR_UNSUPPORTED,
                 _("this document is in format version %s, written by a %s version of Frontier; "
                   "this version reads format version 1 only"),
                 version, major > 1 ? _("newer") : _("different"));
  return TRUE;

bad:
  return fail (l, root, FR_ERROR_INVALID,
               _("the version “%s” of <frontier> is not a version number such as 1"), version);
}

static gboolean
load_root (Loader     *l,
           xmlNodePtr  root)
{
  static const char *const known[] = { "version", NULL };
  int last = -1;

  if (!g_str_equal (local_name (root), "frontier"))
    return fail (l, root, FR_ERROR_INVALID,
                 _("this is not a Frontier document: its top element is <%s>, not <frontier>"),
                 local_name (root));
  if (root->ns == NULL)
    return fail (l, root, FR_ERROR_INVALID,
                 _("<frontier> has no namespace; it needs xmlns=\"%s\""), FR_XML_NAMESPACE);
  if (!is_ours (root))
    {
      const char *href = (const char *) root->ns->href;
      if (g_str_has_prefix (href, "https://frontierdesk.github.io/ns/frontier/"))
        return fail (l, root, FR_ERROR_UNSUPPORTED,
                     _("this document uses the namespace “%s” of another format version; this "
                       "version of Frontier reads “%s” only"), href, FR_XML_NAMESPACE);
      return fail (l, root, FR_ERROR_INVALID,
                   _("<frontier> is in the namespace “%s”, not Frontier's “%s”"),
                   href, FR_XML_NAMESPACE);
    }
  if (!check_version (l, root))
    return FALSE;
  keep_attributes (l, root, "", known);

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      ChildKind kind = classify_child (l, root, child, NULL, FALSE);
      int index = -1;

      if (kind == CHILD_ERROR)
        return FALSE;
      if (kind == CHILD_SKIP)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        if (g_str_equal (local_name (child), sections[i].name))
          index = (int) i;
      if (index < 0)
        {
          if (!unexpected_child (l, root, child, NULL))
            return FALSE;
          continue;
        }
      if (index == last)
        return fail (l, child, FR_ERROR_INVALID,
                     _("<%s> appears twice; a document has one of each section"),
                     local_name (child));
      if (index < last)
        return fail (l, child, FR_ERROR_INVALID,
                     _("<%s> must come before <%s>: the sections are meta, sources, criteria, "
                       "elements, options, stakeholders, timeline, projections, layers and "
                       "views, in that order"),
                     local_name (child), sections[last].name);
      last = index;
      if (!sections[index].load (l, child))
        return FALSE;
    }
  return TRUE;
}

void
fr_xml_init (void)
{
  xmlInitParser ();
}

FrModel *
fr_xml_load_bytes (GBytes      *bytes,
                   const char  *display_name,
                   GError     **error)
{
  gsize size = 0;
  const guint8 *data;
  const char *text;
  gsize length = 0;
  g_autofree char *owned = NULL;
  xmlDocPtr doc;
  Loader l = { 0 };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > FR_XML_MAX_FILE_SIZE)
    {
      g_autofree char *shown = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_strdup_printf (_("%d MiB"), FR_XML_MAX_FILE_SIZE >> 20);
      g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                   _("the document is %s, larger than the %s Frontier opens"), shown, limit);
      return NULL;
    }
  text = document_text (data, size, &length, &owned, error);
  if (text == NULL)
    return NULL;
  doc = parse_text (text, length, display_name, error);
  g_clear_pointer (&owned, g_free);
  if (doc == NULL)
    return NULL;

  l.model = fr_model_new ();
  for (int i = 0; i < N_KINDS; i++)
    l.ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.criteria = g_hash_table_new (g_str_hash, g_str_equal);
  l.rules = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_rule_free);

  ok = load_root (&l, xmlDocGetRootElement (doc));

  for (int i = 0; i < N_KINDS; i++)
    g_hash_table_unref (l.ids[i]);
  g_hash_table_unref (l.criteria);
  g_ptr_array_unref (l.rules);
  xmlFreeDoc (doc);

  if (!ok)
    {
      g_propagate_error (error, l.error);
      fr_model_free (l.model);
      return NULL;
    }
  return l.model;
}

FrModel *
fr_xml_load_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  GByteArray *buffer;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK so that opening a FIFO cannot hang; only regular files are
   * read, which the flag does not affect. */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("could not open the file: %s"),
                   g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("could not read the file: %s"),
                   g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("this is a folder, not a Frontier document"));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, FR_ERROR, FR_ERROR_IO,
                   _("this is not a regular file (it is a device, a pipe or a socket); Frontier "
                     "opens only regular files"));
      return NULL;
    }
  if (st.st_size > FR_XML_MAX_FILE_SIZE)
    {
      g_autofree char *shown = g_format_size_full ((guint64) st.st_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_strdup_printf (_("%d MiB"), FR_XML_MAX_FILE_SIZE >> 20);
      close (fd);
      g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                   _("the document is %s, larger than the %s Frontier opens"), shown, limit);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guint8 chunk[65536];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_byte_array_unref (buffer);
          g_set_error (error, FR_ERROR, FR_ERROR_IO, _("could not read the file: %s"),
                       g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > FR_XML_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_strdup_printf (_("%d MiB"), FR_XML_MAX_FILE_SIZE >> 20);
          close (fd);
          g_byte_array_unref (buffer);
          g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                       _("the document is larger than the %s Frontier opens"), limit);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  close (fd);

  bytes = g_byte_array_free_to_bytes (buffer);
  display_name = g_filename_display_basename (path);
  return fr_xml_load_bytes (bytes, display_name, error);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  GString *out;
  const FrModel *model;
  int depth;
  GError *error;
} Writer;

static gboolean G_GNUC_PRINTF (2, 3)
writer_fail (Writer     *w,
             const char *format,
             ...)
{
  va_list args;

  if (w->error != NULL)
    return FALSE;
  va_start (args, format);
  w->error = g_error_new_valist (FR_ERROR, FR_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

static void
indent (Writer *w)
{
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* Appends @text escaped for an attribute (@in_attribute) or for text,
 * refusing characters XML 1.0 cannot hold. */
static void
escape (Writer     *w,
        const char *text,
        gboolean    in_attribute)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      writer_fail (w, _("a text to save is not valid UTF-8"));
      return;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (w->out, "&amp;"); break;
        case '<': g_string_append (w->out, "&lt;"); break;
        case '>': g_string_append (w->out, "&gt;"); break;
        case '"':
          g_string_append (w->out, in_attribute ? "&quot;" : "\"");
          break;
        case '\r': g_string_append (w->out, "&#13;"); break;
        case '\n':
          g_string_append (w->out, in_attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (w->out, in_attribute ? "&#9;" : "\t");
          break;
        default:
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
            {
              g_autofree char *shown = g_strndup (text, 40);
              writer_fail (w, _("the text “%s” contains a control character (U+%04X) that a "
                                "document cannot hold"), shown, c);
              return;
            }
          g_string_append_len (w->out, p, g_utf8_next_char (p) - p);
        }
    }
}

static void
format_number (double  value,
               char   *buffer,
               gsize   size)
{
  char scientific[64], format[16];
  const char *p;
  GString *digits = g_string_new (NULL);
  GString *plain = g_string_new (NULL);
  gboolean negative;
  int exponent, point;

  if (value == 0)
    {
      /* -0 too: the same number to every method, and "-0" reads oddly. */
      g_strlcpy (buffer, "0", size);
      g_string_free (digits, TRUE);
      g_string_free (plain, TRUE);
      return;
    }
  /* The shortest scientific form that reads back as the same double … */
  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (scientific, sizeof scientific, format, value);
      if (g_ascii_strtod (scientific, NULL) == value)
        break;
    }
  /* … rewritten without the exponent, which the format does not allow. */
  p = scientific;
  negative = *p == '-';
  if (negative)
    p++;
  for (; *p != 'e' && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  exponent = *p == 'e' ? atoi (p + 1) : 0;
  while (digits->len > 1 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);

  if (negative)
    g_string_append_c (plain, '-');
  point = exponent + 1;  /* digits before the decimal point */
  if (point <= 0)
    {
      g_string_append (plain, "0.");
      for (int i = 0; i < -point; i++)
        g_string_append_c (plain, '0');
      g_string_append (plain, digits->str);
    }
  else if ((gsize) point >= digits->len)
    {
      g_string_append (plain, digits->str);
      for (gsize i = digits->len; i < (gsize) point; i++)
        g_string_append_c (plain, '0');
    }
  else
    {
      g_string_append_len (plain, digits->str, point);
      g_string_append_c (plain, '.');
      g_string_append (plain, digits->str + point);
    }
  g_strlcpy (buffer, plain->str, size);
  g_string_free (digits, TRUE);
  g_string_free (plain, TRUE);
}

static void
w_attr (Writer     *w,
        const char *name,
        const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (w->out, " %s=\"", name);
  escape (w, value, TRUE);
  g_string_append_c (w->out, '"');
}

static void
w_number (Writer     *w,
          const char *name,
          double      value)
{
  char text[512];

  if (!isfinite (value) || fabs (value) > FR_XML_MAX_MAGNITUDE)
    {
      writer_fail (w, _("the number in “%s” is not finite or larger than 10^15"), name);
      return;
    }
  format_number (value, text, sizeof text);
  w_attr (w, name, text);
}

static void
w_day (Writer     *w,
       const char *name,
       gint32      day)
{
  g_autofree char *text = fr_day_format_iso (day);
  w_attr (w, name, text);
}

static const FrForeign *
extension (Writer     *w,
           const char *path)
{
  return g_hash_table_lookup (w->model->extensions, path);
}

static void
w_foreign_attributes (Writer     *w,
                      const char *path)
{
  const FrForeign *foreign = extension (w, path);
  g_autoptr(GHashTable) declared = NULL;

  if (foreign == NULL)
    return;
  declared = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < foreign->attributes->len; i++)
    {
      FrForeignAttribute *attr = g_ptr_array_index (foreign->attributes, i);
      g_autofree char *qname = NULL;

      if (attr->ns == NULL)
        {
          w_attr (w, attr->name, attr->value);
          continue;
        }
      if (attr->prefix == NULL || g_str_equal (attr->prefix, "xmlns"))
        {
          writer_fail (w, _("a kept attribute “%s” has a namespace but no prefix"), attr->name);
          return;
        }
      if (!g_str_equal (attr->prefix, "xml"))
        {
          const char *seen = g_hash_table_lookup (declared, attr->prefix);
          if (seen == NULL)
            {
              g_autofree char *decl = g_strconcat ("xmlns:", attr->prefix, NULL);
              w_attr (w, decl, attr->ns);
              g_hash_table_insert (declared, attr->prefix, attr->ns);
            }
          else if (!g_str_equal (seen, attr->ns))
            {
              writer_fail (w, _("two kept attributes use the prefix “%s” for different "
                                "namespaces"), attr->prefix);
              return;
            }
        }
      qname = g_strconcat (attr->prefix, ":", attr->name, NULL);
      w_attr (w, qname, attr->value);
    }
}

static guint
n_foreign_elements (Writer     *w,
                    const char *path)
{
  const FrForeign *foreign = extension (w, path);
  return foreign != NULL ? foreign->elements->len : 0;
}

/* Kept elements, each on a line of its own. */
static void
w_foreign_elements (Writer     *w,
                    const char *path)
{
  const FrForeign *foreign = extension (w, path);

  if (foreign == NULL)
    return;
  for (guint i = 0; i < foreign->elements->len; i++)
    {
      indent (w);
      g_string_append (w->out, g_ptr_array_index (foreign->elements, i));
      g_string_append_c (w->out, '\n');
    }
}

static void
w_begin (Writer     *w,
         const char *name)
{
  indent (w);
  g_string_append_printf (w->out, "<%s", name);
}

/* Ends the start tag; returns TRUE when children follow (then call
 * w_close), FALSE when the element was closed as empty. */
static gboolean
w_children (Writer     *w,
            const char *path,
            gboolean    has_children)
{
  w_foreign_attributes (w, path);
  if (!has_children && n_foreign_elements (w, path) == 0)
    {
      g_string_append (w->out, "/>\n");
      return FALSE;
    }
  g_string_append (w->out, ">\n");
  w->depth++;
  return TRUE;
}

static void
w_close (Writer     *w,
         const char *name,
         const char *path)
{
  w_foreign_elements (w, path);
  w->depth--;
  indent (w);
  g_string_append_printf (w->out, "</%s>\n", name);
}

/* Ends the start tag of an element whose content is text, then writes the
 * text and any kept elements inline, so that no white space is added. */
static void
w_text_content (Writer     *w,
                const char *name,
                const char *path,
                const char *text)
{
  const FrForeign *foreign = extension (w, path);

  w_foreign_attributes (w, path);
  if ((text == NULL || *text == '\0') && (foreign == NULL || foreign->elements->len == 0))
    {
      g_string_append (w->out, "/>\n");
      return;
    }
  g_string_append_c (w->out, '>');
  if (text != NULL)
    escape (w, text, FALSE);
  if (foreign != NULL)
    for (guint i = 0; i < foreign->elements->len; i++)
      g_string_append (w->out, g_ptr_array_index (foreign->elements, i));
  g_string_append_printf (w->out, "</%s>\n", name);
}

static void
w_text_element (Writer     *w,
                const char *name,
                const char *path,
                const char *text)
{
  if ((text == NULL || *text == '\0') && extension (w, path) == NULL)
    return;
  w_begin (w, name);
  w_text_content (w, name, path, text);
}

static void
w_text_child (Writer     *w,
              const char *name,
              const char *owner_path,
              const char *text)
{
  g_autofree char *path = g_strconcat (owner_path, "/", name, NULL);
  w_text_element (w, name, path, text);
}

static gboolean
has_extension (Writer     *w,
               const char *path)
{
  return extension (w, path) != NULL;
}

/* Whether anything is kept at @path or below it. */
static gboolean
has_extension_below (Writer     *w,
                     const char *path)
{
  GHashTableIter iter;
  gpointer key;
  gsize n = strlen (path);

  g_hash_table_iter_init (&iter, w->model->extensions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strncmp (key, path, n) == 0 && (((char *) key)[n] == '\0' || ((char *) key)[n] == '/'))
      return TRUE;
  return FALSE;
}

/* Opens the top-level section @name when it has children or markup kept
 * from a newer version; TRUE when its children follow (then call w_close),
 * FALSE when there was nothing to write or it was closed as empty. */
static gboolean
w_section (Writer     *w,
           const char *name,
           gboolean    has_children)
{
  if (!has_children && !has_extension (w, name))
    return FALSE;
  w_begin (w, name);
  return w_children (w, name, has_children);
}

static gboolean
text_or_extension (Writer     *w,
                   const char *text,
                   const char *owner_path,
                   const char *name)
{
  g_autofree char *path = g_strconcat (owner_path, "/", name, NULL);
  return (text != NULL && *text != '\0') || has_extension (w, path);
}

/* An empty element with kept markup only: <includes element="x"/> etc. */
static void
w_leaf_end (Writer     *w,
            const char *name,
            const char *path)
{
  if (w_children (w, path, FALSE))
    w_close (w, name, path);
}

/* sections ------------------------------------------------------------ */

static void
write_meta (Writer *w)
{
  const FrModel *m = w->model;
  gboolean any = m->title != NULL || m->description != NULL || m->author != NULL ||
                 m->language != NULL || m->ceasefire_day != 0 || has_extension_below (w, "meta");

  if (!any)
    return;
  w_begin (w, "meta");
  if (!w_children (w, "meta", TRUE))
    return;
  w_text_element (w, "title", "meta/title", m->title);
  w_text_element (w, "description", "meta/description", m->description);
  w_text_element (w, "author", "meta/author", m->author);
  w_text_element (w, "language", "meta/language", m->language);
  if (m->ceasefire_day != 0)
    {
      w_begin (w, "ceasefire");
      w_day (w, "date", m->ceasefire_day);
      w_leaf_end (w, "ceasefire", "meta/ceasefire");
    }
  w_close (w, "meta", "meta");
}

static void
write_sources (Writer *w)
{
  GPtrArray *sources = w->model->sources;

  if (!w_section (w, "sources", sources->len > 0))
    return;
  for (guint i = 0; i < sources->len; i++)
    {
      FrSource *s = g_ptr_array_index (sources, i);
      g_autofree char *path = g_strconcat ("source:", s->id, NULL);

      w_begin (w, "source");
      w_attr (w, "id", s->id);
      w_attr (w, "title", s->title);
      w_attr (w, "author", s->author);
      w_attr (w, "publisher", s->publisher);
      w_attr (w, "date", s->date);
      w_attr (w, "url", s->url);
      w_text_content (w, "source", path, s->note);
    }
  w_close (w, "sources", "sources");
}

static void
write_criterion (Writer            *w,
                 const FrCriterion *c,
                 guint             *written,
                 int                level);

static void
write_criteria_under (Writer     *w,
                      const char *parent_id,
                      guint      *written,
                      int         level)
{
  GPtrArray *criteria = w->model->criteria;

  for (guint i = 0; i < criteria->len && w->error == NULL; i++)
    {
      FrCriterion *c = g_ptr_array_index (criteria, i);
      if (g_strcmp0 (c->parent_id, parent_id) == 0)
        write_criterion (w, c, written, level);
    }
}

static gboolean
has_children_criteria (Writer     *w,
                       const char *id)
{
  for (guint i = 0; i < w->model->criteria->len; i++)
    {
      FrCriterion *c = g_ptr_array_index (w->model->criteria, i);
      if (g_strcmp0 (c->parent_id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
write_criterion (Writer            *w,
                 const FrCriterion *c,
                 guint             *written,
                 int                level)
{
  g_autofree char *path = g_strconcat ("criterion:", c->id, NULL);
  const FrPreference *pref = &c->preference;
  gboolean has_pref = pref->kind != FR_PREF_USUAL || pref->q != 0 || pref->p != 0 || pref->s != 0;
  const char *name = c->is_group ? "group" : "criterion";

  if (level > FR_XML_MAX_DEPTH)
    {
      writer_fail (w, _("the criteria are nested too deeply to save"));
      return;
    }
  (*written)++;
  w_begin (w, name);
  w_attr (w, "id", c->id);
  w_attr (w, "name", c->name);
  if (c->is_group)
    {
      if (w_children (w, path, c->description != NULL || has_children_criteria (w, c->id) ||
                               text_or_extension (w, c->description, path, "description")))
        {
          w_text_child (w, "description", path, c->description);
          write_criteria_under (w, c->id, written, level + 1);
          w_close (w, name, path);
        }
      return;
    }
  if (has_children_criteria (w, c->id))
    {
      writer_fail (w, _("criterion “%s” has criteria inside it but is not a group"), c->id);
      return;
    }
  w_attr (w, "direction", c->direction == FR_DIRECTION_COST ? "cost" : "benefit");
  if (c->has_scale)
    {
      w_number (w, "min", c->scale_min);
      w_number (w, "max", c->scale_max);
    }
  w_attr (w, "unit", c->unit);
  if (!w_children (w, path, text_or_extension (w, c->description, path, "description") ||
                            c->value_function->len > 0 || has_pref))
    return;
  w_text_child (w, "description", path, c->description);
  if (c->value_function->len > 0)
    {
      g_autofree char *vf_path = g_strconcat (path, "/value-function", NULL);
      w_begin (w, "value-function");
      if (w_children (w, vf_path, TRUE))
        {
          for (guint i = 0; i < c->value_function->len; i++)
            {
              FrValuePoint *point = &g_array_index (c->value_function, FrValuePoint, i);
              g_autofree char *point_path = g_strdup_printf ("%s/point:%u", path, i);
              w_begin (w, "point");
              w_number (w, "x", point->x);
              w_number (w, "value", point->value);
              w_leaf_end (w, "point", point_path);
            }
          w_close (w, "value-function", vf_path);
        }
    }
  if (has_pref)
    {
      g_autofree char *pref_path = g_strconcat (path, "/preference", NULL);
      w_begin (w, "preference");
      w_attr (w, "function", fr_preference_kind_to_string (pref->kind));
      if (pref->q != 0)
        w_number (w, "q", pref->q);
      if (pref->p != 0)
        w_number (w, "p", pref->p);
      if (pref->s != 0)
        w_number (w, "s", pref->s);
      w_leaf_end (w, "preference", pref_path);
    }
  w_close (w, name, path);
}

static void
write_criteria (Writer *w)
{
  GPtrArray *criteria = w->model->criteria;
  guint written = 0;

  if (!w_section (w, "criteria", criteria->len > 0))
    return;
  write_criteria_under (w, NULL, &written, 1);
  if (w->error == NULL && written != criteria->len)
    {
      for (guint i = 0; i < criteria->len; i++)
        {
          FrCriterion *c = g_ptr_array_index (criteria, i);
          if (c->parent_id != NULL && fr_model_find_criterion (w->model, c->parent_id) == NULL)
            {
              writer_fail (w, _("criterion “%s” is inside group “%s”, which does not exist"),
                           c->id, c->parent_id);
              return;
            }
        }
      writer_fail (w, _("the criteria tree has a loop: a group is inside itself"));
      return;
    }
  w_close (w, "criteria", "criteria");
}

/* Calls @func for each key of @table in the order of the leaf criteria;
 * fails when a key is not a leaf criterion. */
typedef void (*KeyedFunc) (Writer     *w,
                           const char *criterion_id,
                           gpointer    value,
                           gpointer    data);

static void
for_each_by_criterion (Writer     *w,
                       GHashTable *table,
                       const char *owner,
                       KeyedFunc   func,
                       gpointer    data)
{
  GPtrArray *criteria = w->model->criteria;
  guint found = 0;

  if (table == NULL)
    return;
  for (guint i = 0; i < criteria->len && w->error == NULL; i++)
    {
      FrCriterion *c = g_ptr_array_index (criteria, i);
      gpointer value;

      if (c->is_group)
        continue;
      value = g_hash_table_lookup (table, c->id);
      if (value == NULL)
        continue;
      found++;
      func (w, c->id, value, data);
    }
  if (w->error == NULL && found != g_hash_table_size (table))
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          FrCriterion *c = fr_model_find_criterion (w->model, key);
          if (c == NULL || c->is_group)
            {
              writer_fail (w, _("%s has a value for “%s”, which is not a criterion of the "
                                "document"), owner, (const char *) key);
              return;
            }
        }
    }
}

static void
write_baseline_value (Writer     *w,
                      const char *criterion_id,
                      gpointer    value,
                      gpointer    data)
{
  g_autofree char *path = g_strconcat ("baseline/value:", criterion_id, NULL);

  w_begin (w, "value");
  w_attr (w, "criterion", criterion_id);
  w_number (w, "value", *(double *) value);
  w_leaf_end (w, "value", path);
}

static void
write_refs (Writer     *w,
            const char *name,
            const char *owner_path,
            GPtrArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *path = g_strdup_printf ("%s/%s:%s", owner_path, name, id);
      w_begin (w, name);
      w_attr (w, "element", id);
      w_leaf_end (w, name, path);
    }
}

static void
write_elements (Writer *w)
{
  const FrModel *m = w->model;
  gboolean baseline = g_hash_table_size (m->baseline) > 0 || has_extension_below (w, "baseline");

  if (!w_section (w, "elements", m->elements->len > 0 || baseline))
    return;
  if (baseline)
    {
      w_begin (w, "baseline");
      if (w_children (w, "baseline", g_hash_table_size (m->baseline) > 0))
        {
          for_each_by_criterion (w, m->baseline, _("the baseline"), write_baseline_value, NULL);
          w_close (w, "baseline", "baseline");
        }
    }
  for (guint i = 0; i < m->elements->len; i++)
    {
      FrElement *e = g_ptr_array_index (m->elements, i);
      g_autofree char *path = g_strconcat ("element:", e->id, NULL);

      w_begin (w, "element");
      w_attr (w, "id", e->id);
      w_attr (w, "name", e->name);
      w_attr (w, "category", e->category);
      w_attr (w, "source", e->source_id);
      if (!w_children (w, path, text_or_extension (w, e->description, path, "description") ||
                                e->effects->len > 0 || e->excludes->len > 0 || e->requires->len > 0))
        continue;
      w_text_child (w, "description", path, e->description);
      for (guint j = 0; j < e->effects->len; j++)
        {
          FrEffect *effect = g_ptr_array_index (e->effects, j);
          g_autofree char *effect_path = g_strdup_printf ("%s/effect:%s", path, effect->criterion_id);
          w_begin (w, "effect");
          w_attr (w, "criterion", effect->criterion_id);
          w_number (w, "delta", effect->delta);
          w_leaf_end (w, "effect", effect_path);
        }
      write_refs (w, "excludes", path, e->excludes);
      write_refs (w, "requires", path, e->requires);
      w_close (w, "element", path);
    }
  w_close (w, "elements", "elements");
}

typedef struct {
  const char *owner_path;
} ScoreData;

static void
write_score (Writer     *w,
             const char *criterion_id,
             gpointer    value,
             gpointer    data)
{
  const FrScore *score = value;
  const char *owner_path = data;
  g_autofree char *path = g_strdup_printf ("%s/score:%s", owner_path, criterion_id);

  w_begin (w, "score");
  w_attr (w, "criterion", criterion_id);
  w_number (w, "value", score->value);
  if (score->has_range)
    {
      w_number (w, "low", score->low);
      w_number (w, "high", score->high);
    }
  w_attr (w, "source", score->source_id);
  w_text_content (w, "score", path, score->rationale);
}

static void
write_options (Writer *w)
{
  GPtrArray *options = w->model->options;

  if (!w_section (w, "options", options->len > 0))
    return;
  for (guint i = 0; i < options->len; i++)
    {
      FrOption *o = g_ptr_array_index (options, i);
      g_autofree char *path = g_strconcat ("option:", o->id, NULL);
      g_autofree char *owner = g_strdup_printf (_("option “%s”"), o->id);

      w_begin (w, "option");
      w_attr (w, "id", o->id);
      w_attr (w, "name", o->name);
      w_attr (w, "color", o->color);
      if (!w_children (w, path, text_or_extension (w, o->description, path, "description") ||
                                o->element_ids->len > 0 || g_hash_table_size (o->scores) > 0))
        continue;
      w_text_child (w, "description", path, o->description);
      write_refs (w, "includes", path, o->element_ids);
      for_each_by_criterion (w, o->scores, owner, write_score, path);
      w_close (w, "option", path);
    }
  w_close (w, "options", "options");
}

static void
write_weight (Writer     *w,
              const char *criterion_id,
              gpointer    value,
              gpointer    data)
{
  const FrWeight *weight = value;
  const char *owner_path = data;
  g_autofree char *path = g_strdup_printf ("%s/weight:%s", owner_path, criterion_id);

  w_begin (w, "weight");
  w_attr (w, "criterion", criterion_id);
  w_number (w, "value", weight->value);
  if (weight->has_interval)
    {
      w_number (w, "low", weight->low);
      w_number (w, "high", weight->high);
    }
  w_leaf_end (w, "weight", path);
}

static void
write_stakeholders (Writer *w)
{
  GPtrArray *stakeholders = w->model->stakeholders;

  if (!w_section (w, "stakeholders", stakeholders->len > 0))
    return;
  for (guint i = 0; i < stakeholders->len; i++)
    {
      FrStakeholder *s = g_ptr_array_index (stakeholders, i);
      g_autofree char *path = g_strconcat ("stakeholder:", s->id, NULL);
      g_autofree char *owner = g_strdup_printf (_("stakeholder “%s”"), s->id);

      w_begin (w, "stakeholder");
      w_attr (w, "id", s->id);
      w_attr (w, "name", s->name);
      w_attr (w, "color", s->color);
      if (s->reservation != 0)
        w_number (w, "reservation", s->reservation);
      if (!w_children (w, path, text_or_extension (w, s->rationale, path, "rationale") ||
                                g_hash_table_size (s->weights) > 0))
        continue;
      w_text_child (w, "rationale", path, s->rationale);
      for_each_by_criterion (w, s->weights, owner, write_weight, path);
      w_close (w, "stakeholder", path);
    }
  w_close (w, "stakeholders", "stakeholders");
}

static void
write_statuses (Writer     *w,
                const char *owner_path,
                GPtrArray  *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      FrStatusChange *change = g_ptr_array_index (changes, i);
      g_autofree char *path = g_strdup_printf ("%s/status:%s", owner_path, change->region);

      w_begin (w, "status");
      w_attr (w, "region", change->region);
      if (change->alignment != FR_ALIGNMENT_UNCHANGED)
        w_attr (w, "alignment", fr_alignment_to_string (change->alignment));
      if (change->eu != FR_EU_UNCHANGED)
        w_attr (w, "eu", fr_eu_status_to_string (change->eu));
      w_leaf_end (w, "status", path);
    }
}

static void
write_timeline (Writer *w)
{
  GPtrArray *events = w->model->events;

  if (!w_section (w, "timeline", events->len > 0))
    return;
  for (guint i = 0; i < events->len; i++)
    {
      FrEvent *e = g_ptr_array_index (events, i);
      g_autofree char *path = g_strconcat ("event:", e->id, NULL);

      w_begin (w, "event");
      w_attr (w, "id", e->id);
      w_day (w, "date", e->day);
      w_attr (w, "category", e->category);
      w_attr (w, "source", e->source_id);
      w_children (w, path, TRUE);
      w_text_child (w, "title", path, e->title);
      w_text_child (w, "description", path, e->description);
      write_statuses (w, path, e->changes);
      w_close (w, "event", path);
    }
  w_close (w, "timeline", "timeline");
}

static void
write_projections (Writer *w)
{
  GPtrArray *projections = w->model->projections;

  if (!w_section (w, "projections", projections->len > 0))
    return;
  for (guint i = 0; i < projections->len; i++)
    {
      FrProjection *p = g_ptr_array_index (projections, i);
      g_autofree char *path = g_strdup_printf ("projection:%u", i);

      w_begin (w, "projection");
      w_attr (w, "option", p->option_id);
      w_day (w, "date", p->day);
      if (!w_children (w, path, text_or_extension (w, p->description, path, "description") ||
                                p->changes->len > 0 || p->zones->len > 0))
        continue;
      w_text_child (w, "description", path, p->description);
      write_statuses (w, path, p->changes);
      for (guint j = 0; j < p->zones->len; j++)
        {
          FrZone *z = g_ptr_array_index (p->zones, j);
          g_autofree char *zone_path = g_strdup_printf ("%s/zone:%s", path, z->id);

          w_begin (w, "zone");
          w_attr (w, "id", z->id);
          w_attr (w, "name", z->name);
          w_attr (w, "kind", z->kind);
          if (!z->closed)
            w_attr (w, "closed", "false");
          if (!w_children (w, zone_path, z->points->len > 0))
            continue;
          for (guint k = 0; k < z->points->len; k++)
            {
              FrLonLat *point = &g_array_index (z->points, FrLonLat, k);
              g_autofree char *point_path = g_strdup_printf ("%s/point:%u", zone_path, k);
              w_begin (w, "point");
              w_number (w, "lon", point->lon);
              w_number (w, "lat", point->lat);
              w_leaf_end (w, "point", point_path);
            }
          w_close (w, "zone", zone_path);
        }
      w_close (w, "projection", path);
    }
  w_close (w, "projections", "projections");
}

/* The layer's KML, read with the same hardened parser and written back in
 * libxml2's canonical spelling so that a second save gives the same bytes. */
static char *
normalised_kml (Writer        *w,
                const FrLayer *layer)
{
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  char *text;

  doc = parse_text (layer->kml, strlen (layer->kml), NULL, &error);
  if (doc == NULL)
    {
      writer_fail (w, _("the KML of layer “%s” cannot be saved: %s"), layer->id, error->message);
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root->ns == NULL || is_ours (root))
    {
      xmlFreeDoc (doc);
      writer_fail (w, _("the KML of layer “%s” cannot be saved: its <%s> is not in the KML "
                        "namespace"), layer->id, local_name (root));
      return NULL;
    }
  text = dump_standalone (root);
  xmlFreeDoc (doc);
  return text;
}

static void
write_layers (Writer *w)
{
  GPtrArray *layers = w->model->layers;

  if (!w_section (w, "layers", layers->len > 0))
    return;
  for (guint i = 0; i < layers->len; i++)
    {
      FrLayer *layer = g_ptr_array_index (layers, i);
      g_autofree char *path = g_strconcat ("layer:", layer->id, NULL);

      w_begin (w, "layer");
      w_attr (w, "id", layer->id);
      w_attr (w, "name", layer->name);
      w_attr (w, "visible", layer->visible ? "true" : "false");
      w_attr (w, "href", layer->href);
      if (!w_children (w, path, layer->kml != NULL))
        continue;
      if (layer->kml != NULL)
        {
          g_autofree char *kml = normalised_kml (w, layer);
          if (kml == NULL)
            return;
          indent (w);
          g_string_append (w->out, kml);
          g_string_append_c (w->out, '\n');
        }
      w_close (w, "layer", path);
    }
  w_close (w, "layers", "layers");
}

static void
write_views (Writer *w)
{
  GPtrArray *views = w->model->views;

  if (!w_section (w, "views", views->len > 0))
    return;
  for (guint i = 0; i < views->len; i++)
    {
      FrView *v = g_ptr_array_index (views, i);
      g_autofree char *path = g_strconcat ("view:", v->id, NULL);
      g_autofree char *owner = g_strdup_printf (_("view “%s”"), v->id);

      w_begin (w, "view");
      w_attr (w, "id", v->id);
      w_attr (w, "title", v->title);
      w_attr (w, "stakeholder", v->stakeholder_id);
      w_attr (w, "method", v->method);
      w_attr (w, "option", v->option_id);
      w_attr (w, "chart", v->chart);
      if (v->map_day != 0)
        w_day (w, "date", v->map_day);
      if (v->has_extent)
        {
          char parts[4][512];
          g_autofree char *extent = NULL;
          for (int k = 0; k < 4; k++)
            format_number (v->extent[k], parts[k], sizeof parts[k]);
          extent = g_strjoin (" ", parts[0], parts[1], parts[2], parts[3], NULL);
          w_attr (w, "extent", extent);
        }
      if (!w_children (w, path, text_or_extension (w, v->notes, path, "notes") ||
                                (v->weights != NULL && g_hash_table_size (v->weights) > 0)))
        continue;
      w_text_child (w, "notes", path, v->notes);
      for_each_by_criterion (w, v->weights, owner, write_weight, path);
      w_close (w, "view", path);
    }
  w_close (w, "views", "views");
}

GBytes *
fr_xml_save_bytes (const FrModel  *model,
                   GError        **error)
{
  Writer w = { 0 };
  gsize length;

  g_return_val_if_fail (model != NULL, NULL);

  w.out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  w.model = model;
  g_string_append (w.out, "<frontier xmlns=\"" FR_XML_NAMESPACE "\" version=\"1\"");
  w_foreign_attributes (&w, "");
  g_string_append (w.out, ">\n");
  w.depth = 1;
  write_meta (&w);
  write_sources (&w);
  write_criteria (&w);
  write_elements (&w);
  write_options (&w);
  write_stakeholders (&w);
  write_timeline (&w);
  write_projections (&w);
  write_layers (&w);
  write_views (&w);
  for (guint i = 0; i < model->foreign->len; i++)
    {
      indent (&w);
      g_string_append (w.out, g_ptr_array_index (model->foreign, i));
      g_string_append_c (w.out, '\n');
    }
  g_string_append (w.out, "</frontier>\n");

  if (w.error != NULL)
    {
      g_string_free (w.out, TRUE);
      g_propagate_prefixed_error (error, w.error, _("The document cannot be saved: "));
      return NULL;
    }
  length = w.out->len;
  return g_bytes_new_take (g_string_free (w.out, FALSE), length);
}

/* Keeps the file being replaced as PATH~: a hard link when the file system
 * allows one (no copy, and the rename that follows leaves it intact), a
 * copy otherwise. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  GError *local_error = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, FR_ERROR, FR_ERROR_IO,
                   _("could not replace the backup copy “%s~”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (link (path, backup) == 0)
    return TRUE;
  if (!g_file_get_contents (path, &contents, &length, &local_error) ||
      !g_file_set_contents_full (backup, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("could not keep a backup copy: %s"),
                   local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
fr_xml_save_file (const FrModel  *model,
                  const char     *path,
                  GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FrModel) check = NULL;
  g_autofree char *resolved = NULL;
  GError *local_error = NULL;
  const char *data;
  gsize length;
  int mode = 0644;
  struct stat st;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = fr_xml_save_bytes (model, error);
  if (bytes == NULL)
    return FALSE;
  check = fr_xml_load_bytes (bytes, NULL, &local_error);
  if (check == NULL)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("The document was not saved because Frontier could not read back what it "
                     "wrote (%s); the file on disk is unchanged"), local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  /* Save through a symbolic link rather than replacing the link itself. */
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    resolved = g_strdup (path);
  if (g_stat (resolved, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, FR_ERROR, FR_ERROR_IO,
                       _("The document was not saved: “%s” is not a regular file"), path);
          return FALSE;
        }
      mode = (int) (st.st_mode & 0777);
    }

  if (!keep_backup (resolved, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, _("The document was not saved: "));
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents_full (resolved, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, mode, &local_error))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_IO,
                   _("The document was not saved, and the previous version is unchanged: %s"),
                   local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}
