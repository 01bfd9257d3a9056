/* test-reenrolment.c — documents, campaigns and the yearly re-enrolment
 * (FAM-2, HOME-3, REE-1..4, STAFF-2..4, MAIL-1) against a real tutti-server
 *
 * One demo server for the whole program. The files uploaded are made
 * here: a PDF written by hand (padded to any size inside a comment), a PNG
 * with its CRCs and zlib data, a baseline JPEG of one grey block; and the
 * bad ones: empty, truncated, a text named .pdf, a GIF.
 *
 * The tests run in the order they are added; the campaign is closed by
 * the one before last and opened again at its end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tutti-test"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <poppler.h>
#include <string.h>

#include "tutti-core.h"
#include "tutti-test-http.h"

#define MAX_UPLOAD (2 * 1024 * 1024)

static TuttiTestServer *server;

static char *ztest_token;
static char *cmartin_token;
static char *staff_token;
static gint64 ztest_pupil;
static gint64 martin_pupils[3];     /* Léa, Hugo, Chloé */
static gint64 campaign_id;          /* the demo's re-enrolment campaign */

/* ---- HTTP ------------------------------------------------------------------ */

static TuttiTestReply *
send_bytes (const char         *method,
            const char         *path,
            const char         *token,
            const char         *content_type,
            GBytes             *body,
            const char * const *headers)
{
  return tutti_test_send (server, method, path, token, content_type, body, headers);
}

static TuttiTestReply *
request (const char *method,
         const char *path,
         const char *token,
         const char *json)
{
  return tutti_test_request (server, method, path, token, json);
}

static TuttiTestReply *
get (const char *path,
     const char *token)
{
  return request ("GET", path, token, NULL);
}

static char *
reenrolment_path (gint64      pupil,
                  const char *tail)
{
  return g_strdup_printf (TUTTI_API_PUPILS "/%" G_GINT64_FORMAT "/reenrolment%s", pupil,
                          tail != NULL ? tail : "");
}

static char *
document_path (gint64 id)
{
  return g_strdup_printf (TUTTI_API_FAMILY_DOCUMENTS "/%" G_GINT64_FORMAT, id);
}

/* The re-enrolment part of a file answer. */
static JsonObject *
file_reenrolment (TuttiTestReply *reply)
{
  return json_object_get_object_member (tutti_test_reply_object (reply), "reenrolment");
}

static const char *
home_state (const char *token,
            gint64      pupil)
{
  static char state[32];
  g_autoptr(TuttiTestReply) reply = get (TUTTI_API_HOME, token);
  JsonArray *pupils = json_object_get_array_member (tutti_test_reply_object (reply), "pupils");

  for (guint i = 0; i < json_array_get_length (pupils); i++)
    {
      JsonObject *entry = json_array_get_object_element (pupils, i);

      if (json_object_get_int_member (entry, "id") == pupil)
        {
          g_strlcpy (state, json_object_get_string_member (entry, "reenrolment_state"), sizeof state);
          return state;
        }
    }
  g_assert_not_reached ();
}

static guint
outbox_count (void)
{
  g_autoptr(GPtrArray) files = tutti_test_server_list_outbox (server);

  return files->len;
}

static char *
last_message (void)
{
  g_autoptr(GPtrArray) files = tutti_test_server_list_outbox (server);
  char *contents = NULL;

  g_assert_cmpuint (files->len, >, 0);
  g_assert_true (g_file_get_contents (g_ptr_array_index (files, files->len - 1), &contents, NULL, NULL));
  return contents;
}

/* The Subject header, its RFC 2047 "B" words decoded. */
static char *
message_subject (const char *message)
{
  g_autoptr(GString) decoded = g_string_new (NULL);
  const char *p = strstr (message, "\r\nSubject: ");

  g_assert_nonnull (p);
  p += strlen ("\r\nSubject: ");
  for (;;)
    {
      const char *end = strstr (p, "\r\n");
      g_autofree char *word = g_strndup (p, end - p);

      g_strstrip (word);
      if (g_str_has_prefix (word, "=?UTF-8?B?") && g_str_has_suffix (word, "?="))
        {
          g_autofree char *b64 = g_strndup (word + 10, strlen (word) - 12);
          gsize length;
          g_autofree guchar *bytes = g_base64_decode (b64, &length);

          g_string_append_len (decoded, (const char *) bytes, length);
        }
      else
        g_string_append (decoded, word);
      if (end[2] != ' ' && end[2] != '\t')
        break;
      p = end + 3;
    }
  return g_string_free (g_steal_pointer (&decoded), FALSE);
}

/* ---- Files ------------------------------------------------------------------ */

/* A one-page PDF of exactly @size bytes (0: as small as it comes), the
 * padding in a comment line after the header. */
static GBytes *
make_pdf (gsize size)
{
  gsize padding = 0;

  for (;;)
    {
      GString *pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
      static const char content[] = "BT /F1 18 Tf 72 760 Td (Attestation CAF) Tj ET\n";
      gsize offsets[5];
      gsize xref;

      if (padding > 0)
        {
          g_string_append_c (pdf, '%');
          for (gsize i = 0; i < padding; i++)
            g_string_append_c (pdf, 'x');
          g_string_append_c (pdf, '\n');
        }
      offsets[1] = pdf->len;
      g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
      offsets[2] = pdf->len;
      g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
      offsets[3] = pdf->len;
      g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            "/Contents 4 0 R /Resources << /Font << /F1 << /Type /Font "
                            "/Subtype /Type1 /BaseFont /Helvetica >> >> >> >>\nendobj\n");
      offsets[4] = pdf->len;
      g_string_append_printf (pdf, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s"
                                   "endstream\nendobj\n", strlen (content), content);
      xref = pdf->len;
      g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
      for (guint i = 1; i <= 4; i++)
        g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
      g_string_append_printf (pdf, "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                                   "\n%%%%EOF\n", xref);

      if (size == 0 || pdf->len == size)
        return g_string_free_to_bytes (pdf);
      g_assert_cmpuint (pdf->len, <, size + (padding > 0 ? padding + 2 : 0));
      /* A comment needs "%" and "\n" around its padding. */
      padding = padding > 0 ? padding + size - pdf->len : size - pdf->len - 2;
      g_string_free (pdf, TRUE);
    }
}

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return ~crc;
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };

  g_byte_array_append (array, bytes, 4);
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 crc;

  append_be32 (png, (guint32) length);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (png, data, (guint) length);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, length);
  append_be32 (png, crc);
}

/* A 2×2 grey PNG: signature, IHDR, IDAT (zlib), IEND. */
static GBytes *
make_png (void)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 ihdr[13] = { 0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0 };
  static const guint8 rows[6] = { 0, 0x80, 0xff, 0, 0xff, 0x80 };
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GError) error = NULL;
  GByteArray *png = g_byte_array_new ();
  guint8 idat[128];
  gsize read, written;

  g_converter_convert (G_CONVERTER (compressor), rows, sizeof rows, idat, sizeof idat,
                       G_CONVERTER_INPUT_AT_END, &read, &written, &error);
  g_assert_no_error (error);
  g_byte_array_append (png, signature, sizeof signature);
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);
  append_chunk (png, "IDAT", idat, written);
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

/* A baseline JPEG of one 8×8 grey block: one-code Huffman tables, a DC
 * difference of 0 and an end of block. */
static GBytes *
make_jpeg (void)
{
  GByteArray *jpeg = g_byte_array_new ();
  static const guint8 head[] = {
    0xff, 0xd8,                                                 /* SOI */
    0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,                                                 /* APP0 */
  };
  static const guint8 frame[] = {
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,  /* SOF0 */
  };
  static const guint8 scan[] = {
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,  /* SOS */
    0x3f,                                                        /* "0" "0", padded */
    0xff, 0xd9,                                                  /* EOI */
  };
  guint8 dqt[69] = { 0xff, 0xdb, 0x00, 0x43, 0x00 };
  guint8 dht[2][22];

  memset (dqt + 5, 1, 64);
  for (guint t = 0; t < 2; t++)
    {
      memset (dht[t], 0, sizeof dht[t]);
      dht[t][0] = 0xff;
      dht[t][1] = 0xc4;
      dht[t][3] = 0x14;
      dht[t][4] = t == 0 ? 0x00 : 0x10;  /* DC 0, AC 0 */
      dht[t][5] = 1;                      /* one code of one bit… */
      dht[t][21] = 0x00;                  /* …for symbol 0 */
    }

  g_byte_array_append (jpeg, head, sizeof head);
  g_byte_array_append (jpeg, dqt, sizeof dqt);
  g_byte_array_append (jpeg, frame, sizeof frame);
  g_byte_array_append (jpeg, dht[0], sizeof dht[0]);
  g_byte_array_append (jpeg, dht[1], sizeof dht[1]);
  g_byte_array_append (jpeg, scan, sizeof scan);
  return g_byte_array_free_to_bytes (jpeg);
}

static GBytes *
truncated (GBytes *bytes,
           gsize   keep)
{
  return g_bytes_new_from_bytes (bytes, 0, keep);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* POST /family/documents with @kind and @file_name (may be %NULL). */
static TuttiTestReply *
upload (const char *token,
        GBytes     *content,
        const char *content_type,
        const char *kind,
        const char *file_name,
        const char *key)
{
  const char *headers[9] = { NULL };
  guint n = 0;

  if (kind != NULL)
    {
      headers[n++] = TUTTI_API_HEADER_DOCUMENT_KIND;
      headers[n++] = kind;
    }
  if (file_name != NULL)
    {
      headers[n++] = "X-File-Name";
      headers[n++] = file_name;
    }
  if (key != NULL)
    {
      headers[n++] = TUTTI_API_HEADER_IDEMPOTENCY;
      headers[n++] = key;
    }
  return send_bytes ("POST", TUTTI_API_FAMILY_DOCUMENTS, token, content_type, content,
                     (const char * const *) headers);
}

static JsonArray *
documents_of (TuttiTestReply *reply)
{
  tutti_test_assert_status (reply, 200);
  return tutti_test_reply_array (reply);
}

static guint
count_uploaded (const char *token)
{
  g_autoptr(TuttiTestReply) reply = get (TUTTI_API_FAMILY_DOCUMENTS, token);
  JsonArray *documents = documents_of (reply);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (documents); i++)
    if (json_object_get_int_member (json_array_get_object_element (documents, i), "id") > 0)
      n++;
  return n;
}

static JsonObject *
find_document (JsonArray *documents,
               gint64     id)
{
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      if (json_object_get_int_member (document, "id") == id)
        return document;
    }
  return NULL;
}

/* No temporary file left behind in DATA_DIR/documents. */
static void
assert_no_partial_files (void)
{
  g_autofree char *dir = g_build_filename (tutti_test_server_get_data_dir (server), "documents", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".upload-"));
}

/* ---- Documents (FAM-2, REE-3 step 3) ------------------------------------------- */

/* A 1×1 GIF. */
static const guint8 gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
  0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
};

static void
test_documents_bad_files (void)
{
  g_autoptr(GBytes) pdf = make_pdf (0);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) jpeg = make_jpeg ();
  struct
  {
    const char *what;
    GBytes *bytes;
    const char *content_type;
    const char *file_name;
  } bad[] = {
    { "empty", g_bytes_new (NULL, 0), "application/pdf", "vide.pdf" },
    { "truncated PDF", truncated (pdf, g_bytes_get_size (pdf) / 2), "application/pdf", "coupe.pdf" },
    { "PDF without its end", truncated (pdf, g_bytes_get_size (pdf) - 7), "application/pdf", "fin.pdf" },
    { "truncated PNG", truncated (png, g_bytes_get_size (png) - 6), "image/png", "coupe.png" },
    { "PNG signature only", truncated (png, 8), "image/png", "signature.png" },
    { "truncated JPEG", truncated (jpeg, g_bytes_get_size (jpeg) - 2), "image/jpeg", "coupe.jpg" },
    { "JPEG head only", truncated (jpeg, 20), "image/jpeg", "tete.jpg" },
    { "text named .pdf", text_bytes ("Ceci n'est pas un PDF, seulement du texte.\n%%EOF\n"),
      "application/pdf", "attestation.pdf" },
    { "GIF", g_bytes_new (gif, sizeof gif), "image/gif", "photo.gif" },
  };
  guint before = count_uploaded (ztest_token);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(TuttiTestReply) reply = upload (ztest_token, bad[i].bytes, bad[i].content_type, "other",
                                       bad[i].file_name, NULL);

      g_test_message ("%s", bad[i].what);
      tutti_test_assert_error (reply, 415, "unsupported-file-type");
      g_bytes_unref (bad[i].bytes);
    }
  g_assert_cmpuint (count_uploaded (ztest_token), ==, before);
  assert_no_partial_files ();
}

static void
test_documents_size (void)
{
  g_autoptr(GBytes) exact = make_pdf (MAX_UPLOAD);
  g_autoptr(GBytes) over = make_pdf (MAX_UPLOAD + 1);
  g_autoptr(TuttiTestReply) accepted = NULL;
  g_autoptr(TuttiTestReply) refused = NULL;
  g_autoptr(TuttiTestReply) refused_chunked = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *sha256 = NULL;
  guint before = count_uploaded (ztest_token);
  JsonObject *document;

  g_assert_cmpuint (g_bytes_get_size (exact), ==, 2097152);
  g_assert_cmpuint (g_bytes_get_size (over), ==, 2097153);

  accepted = upload (ztest_token, exact, "application/pdf", "other", "grand.pdf", NULL);
  tutti_test_assert_status (accepted, 201);
  document = tutti_test_reply_object (accepted);
  g_assert_cmpint (json_object_get_int_member (document, "size"), ==, 2097152);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, exact);
  g_assert_cmpstr (json_object_get_string_member (document, "sha256"), ==, sha256);
  g_assert_cmpstr (json_object_get_string_member (document, "content_type"), ==, "application/pdf");

  refused = upload (ztest_token, over, "application/pdf", "other", "trop-grand.pdf", NULL);
  tutti_test_assert_error (refused, 413, "file-too-large");

  /* Without a Content-Length the limit holds while reading. */
  stream = g_memory_input_stream_new_from_bytes (over);
  refused_chunked = tutti_test_send_stream (server, "POST", TUTTI_API_FAMILY_DOCUMENTS, ztest_token,
                                            "application/pdf", stream,
                                            (const char * const[]) { TUTTI_API_HEADER_DOCUMENT_KIND,
                                                                     "other", NULL });
  tutti_test_assert_error (refused_chunked, 413, "file-too-large");

  g_assert_cmpuint (count_uploaded (ztest_token), ==, before + 1);
  assert_no_partial_files ();
}

static void
test_documents_lifecycle (void)
{
  g_autoptr(GBytes) pdf = make_pdf (0);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) jpeg = make_jpeg ();
  g_autoptr(TuttiTestReply) pdf_up = NULL;
  g_autoptr(TuttiTestReply) staff_list = NULL;
  g_autoptr(TuttiTestReply) bad_state = NULL;
  JsonArray *staff_documents;
  g_autoptr(TuttiTestReply) png_up = NULL;
  g_autoptr(TuttiTestReply) jpeg_up = NULL;
  g_autoptr(TuttiTestReply) list = NULL;
  g_autoptr(TuttiTestReply) content = NULL;
  g_autoptr(TuttiTestReply) deleted = NULL;
  g_autoptr(TuttiTestReply) gone = NULL;
  g_autoptr(TuttiTestReply) accept = NULL;
  g_autoptr(TuttiTestReply) refuse = NULL;
  g_autoptr(TuttiTestReply) not_deletable = NULL;
  g_autoptr(TuttiTestReply) list_after = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *jpeg_path = NULL;
  g_autofree char *png_decide = NULL;
  g_autofree char *jpeg_decide = NULL;
  g_autofree char *sha_sent = NULL;
  g_autofree char *sha_read = NULL;
  JsonArray *documents;
  JsonObject *document;
  gint64 pdf_id, png_id, jpeg_id;
  gboolean to_provide = FALSE;

  /* Whatever the name and the Content-Type say, the content decides. */
  pdf_up = upload (ztest_token, pdf, "application/octet-stream", "family-quotient",
                   "attestation%20caf%C3%A9.PDF", NULL);
  tutti_test_assert_status (pdf_up, 201);
  pdf_id = json_object_get_int_member (tutti_test_reply_object (pdf_up), "id");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (pdf_up), "content_type"), ==, "application/pdf");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (pdf_up), "file_name"), ==, "attestation café.PDF");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (pdf_up), "state"), ==, "provided");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (pdf_up), "name"), ==,
                   "Attestation de quotient familial de moins de 4 mois");
  png_up = upload (ztest_token, png, "image/jpeg", "bank-details", "rib.jpg", NULL);
  tutti_test_assert_status (png_up, 201);
  png_id = json_object_get_int_member (tutti_test_reply_object (png_up), "id");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (png_up), "content_type"), ==, "image/png");
  jpeg_up = upload (ztest_token, jpeg, "image/jpeg", "other", NULL, NULL);
  tutti_test_assert_status (jpeg_up, 201);
  jpeg_id = json_object_get_int_member (tutti_test_reply_object (jpeg_up), "id");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (jpeg_up), "content_type"), ==, "image/jpeg");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (jpeg_up), "file_name"), ==, "document.jpg");

  /* The list: the three uploads, and the direct debit form still to provide. */
  list = get (TUTTI_API_FAMILY_DOCUMENTS, ztest_token);
  documents = documents_of (list);
  g_assert_nonnull (find_document (documents, pdf_id));
  g_assert_nonnull (find_document (documents, png_id));
  g_assert_nonnull (find_document (documents, jpeg_id));
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      document = json_array_get_object_element (documents, i);
      if (g_strcmp0 (json_object_get_string_member (document, "kind"), "direct-debit-form") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (document, "state"), ==, "to-provide");
          g_assert_cmpint (json_object_get_int_member (document, "id"), ==, 0);
          to_provide = TRUE;
        }
    }
  g_assert_true (to_provide);

  /* Read back: the same bytes, type and name. */
  pdf_path = document_path (pdf_id);
  content = get (pdf_path, ztest_token);
  tutti_test_assert_status (content, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (content->headers, NULL), ==, "application/pdf");
  g_assert_nonnull (strstr (soup_message_headers_get_one (content->headers, "Content-Disposition"),
                            "filename*=UTF-8''attestation%20caf%C3%A9.PDF"));
  g_assert_true (g_bytes_equal (content->body, pdf));
  sha_sent = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  sha_read = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content->body);
  g_assert_cmpstr (sha_sent, ==, sha_read);

  /* Delete, then it is gone. */
  jpeg_path = document_path (jpeg_id);
  deleted = request ("DELETE", jpeg_path, ztest_token, NULL);
  tutti_test_assert_status (deleted, 204);
  gone = get (jpeg_path, ztest_token);
  tutti_test_assert_error (gone, 404, "not-found");

  /* The office's list: documents awaiting a decision, with whose they are. */
  staff_list = get (TUTTI_API_STAFF_DOCUMENTS "?state=provided", staff_token);
  staff_documents = tutti_test_reply_array (staff_list);
  document = find_document (staff_documents, png_id);
  g_assert_nonnull (document);
  g_assert_cmpstr (json_object_get_string_member (document, "family_name"), ==, "Z-TEST");
  for (guint i = 0; i < json_array_get_length (staff_documents); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (staff_documents, i),
                                                    "state"), ==, "provided");
  bad_state = get (TUTTI_API_STAFF_DOCUMENTS "?state=lost", staff_token);
  tutti_test_assert_names (bad_state, "state");

  /* The office accepts one (then it stays) and refuses another with a reason. */
  png_decide = g_strdup_printf (TUTTI_API_STAFF "/documents/%" G_GINT64_FORMAT "/decide", png_id);
  accept = request ("POST", png_decide, staff_token, "{\"state\": \"accepted\"}");
  tutti_test_assert_status (accept, 200);
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (accept), "state"), ==, "accepted");
  png_path = document_path (png_id);
  not_deletable = request ("DELETE", png_path, ztest_token, NULL);
  tutti_test_assert_error (not_deletable, 409, "conflict");

  jpeg_decide = g_strdup_printf (TUTTI_API_STAFF "/documents/%" G_GINT64_FORMAT "/decide", pdf_id);
  refuse = request ("POST", jpeg_decide, staff_token, "{\"state\": \"refused\"}");
  tutti_test_assert_names (refuse, "reason");
  g_clear_pointer (&refuse, tutti_test_reply_free);
  refuse = request ("POST", jpeg_decide, staff_token,
                    "{\"state\": \"refused\", \"reason\": \"Attestation de plus de 4 mois\"}");
  tutti_test_assert_status (refuse, 200);

  list_after = get (TUTTI_API_FAMILY_DOCUMENTS, ztest_token);
  documents = documents_of (list_after);
  g_assert_null (find_document (documents, jpeg_id));
  document = find_document (documents, pdf_id);
  g_assert_cmpstr (json_object_get_string_member (document, "state"), ==, "refused");
  g_assert_cmpstr (json_object_get_string_member (document, "reason"), ==, "Attestation de plus de 4 mois");
  g_assert_cmpstr (json_object_get_string_member (find_document (documents, png_id), "state"), ==, "accepted");
}

static void
test_documents_foreign (void)
{
  g_autoptr(GBytes) pdf = make_pdf (0);
  g_autoptr(TuttiTestReply) mine = upload (ztest_token, pdf, "application/pdf", "other", "a-moi.pdf", NULL);
  g_autoptr(TuttiTestReply) foreign = NULL;
  g_autoptr(TuttiTestReply) missing = NULL;
  g_autoptr(TuttiTestReply) foreign_delete = NULL;
  g_autoptr(TuttiTestReply) staff_list = NULL;
  g_autoptr(TuttiTestReply) still = NULL;
  g_autofree char *path = NULL;

  tutti_test_assert_status (mine, 201);
  path = document_path (json_object_get_int_member (tutti_test_reply_object (mine), "id"));

  /* Another family's document is exactly as unknown as a missing one. */
  foreign = get (path, cmartin_token);
  missing = get (TUTTI_API_FAMILY_DOCUMENTS "/999999", cmartin_token);
  tutti_test_assert_error (foreign, 404, "not-found");
  tutti_test_assert_error (missing, 404, "not-found");
  g_assert_true (g_bytes_equal (foreign->body, missing->body));
  foreign_delete = request ("DELETE", path, cmartin_token, NULL);
  tutti_test_assert_error (foreign_delete, 404, "not-found");
  g_assert_true (g_bytes_equal (foreign_delete->body, missing->body));
  still = get (path, ztest_token);
  tutti_test_assert_status (still, 200);

  /* A staff account has no family documents. */
  staff_list = get (TUTTI_API_FAMILY_DOCUMENTS, staff_token);
  tutti_test_assert_error (staff_list, 404, "not-found");
}

static void
test_documents_kind (void)
{
  g_autoptr(GBytes) pdf = make_pdf (0);
  g_autoptr(TuttiTestReply) none = upload (ztest_token, pdf, "application/pdf", NULL, "a.pdf", NULL);
  g_autoptr(TuttiTestReply) unknown = upload (ztest_token, pdf, "application/pdf", "passport", "a.pdf", NULL);
  g_autoptr(TuttiTestReply) not_asked = upload (ztest_token, pdf, "application/pdf", "proof-of-address", "a.pdf", NULL);

  tutti_test_assert_names (none, TUTTI_API_HEADER_DOCUMENT_KIND);
  tutti_test_assert_names (unknown, TUTTI_API_HEADER_DOCUMENT_KIND);
  tutti_test_assert_names (not_asked, TUTTI_API_HEADER_DOCUMENT_KIND);
}

static void
test_documents_idempotency (void)
{
  g_autoptr(GBytes) pdf = make_pdf (0);
  g_autoptr(GBytes) png = make_png ();
  guint before = count_uploaded (ztest_token);
  g_autoptr(TuttiTestReply) first = upload (ztest_token, pdf, "application/pdf", "other", "mandat.pdf", "upload-1");
  g_autoptr(TuttiTestReply) again = upload (ztest_token, pdf, "application/pdf", "other", "mandat.pdf", "upload-1");
  g_autoptr(TuttiTestReply) other = upload (ztest_token, png, "image/png", "other", "mandat.png", "upload-1");

  tutti_test_assert_status (first, 201);
  tutti_test_assert_status (again, 201);
  g_assert_true (g_bytes_equal (first->body, again->body));
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, TUTTI_API_HEADER_REPLAYED), ==, "true");
  tutti_test_assert_error (other, 409, "conflict");
  g_assert_cmpuint (count_uploaded (ztest_token), ==, before + 1);
}

/* ---- Campaign downloads (HOME-3) ------------------------------------------------- */

/* Every page's text, as poppler extracts it; the pages are A4 portrait. */
static char *
pdf_text (GBytes *pdf,
          int    *n_pages)
{
  g_autoptr(GError) error = NULL;
  /* poppler 22.12 has no autoptr for its types. */
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  *n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595, 1);
      g_assert_cmpfloat_with_epsilon (height, 842, 1);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  return g_string_free (text, FALSE);
}

static void
assert_pdf_contains (const char *text,
                     const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not in the PDF's text:\n%s", needle, text);
}

/* The demo's four documents: real leaflets of the school for the
 * campaign's year, each on its A4 pages with the letterhead and the
 * footer. */
static void
assert_demo_download (const char *file_name,
                      const char *text,
                      int         n_pages,
                      const char *school_year)
{
  g_autofree char *last_page = g_strdup_printf ("Page %d / %d", n_pages, n_pages);
  g_autofree char *year = g_strdup_printf ("Année scolaire %s", school_year);
  g_auto(GStrv) years = g_strsplit (school_year, "/", 2);

  assert_pdf_contains (text, "Conservatoire de Musique et d'Art Dramatique de Vitré Communauté");
  assert_pdf_contains (text, "6 rue de Verdun");
  assert_pdf_contains (text, "02 99 74 68 64");
  assert_pdf_contains (text, "conservatoire@vitrecommunaute.org");
  assert_pdf_contains (text, last_page);

  if (g_str_equal (file_name, "grille-tarifaire.pdf"))
    {
      g_assert_cmpint (n_pages, ==, 1);
      assert_pdf_contains (text, year);
      assert_pdf_contains (text, "Tranche 1");
      assert_pdf_contains (text, "Tranche 6");
      assert_pdf_contains (text, "Quotient familial");
      assert_pdf_contains (text, "Cursus instrumental");
      assert_pdf_contains (text, "Théâtre");
      /* Tranche 6, cursus: 414 € a year, 138 € a term. */
      assert_pdf_contains (text, "414,00");
      assert_pdf_contains (text, "sans justificatif");
      assert_pdf_contains (text, "Location d’instruments");
      assert_pdf_contains (text, "trimestre");
    }
  else if (g_str_equal (file_name, "reglement-interieur.pdf"))
    {
      g_assert_cmpint (n_pages, >=, 1);
      g_assert_cmpint (n_pages, <=, 2);
      assert_pdf_contains (text, "Règlement intérieur du conservatoire");
      assert_pdf_contains (text, "Article 1");
      assert_pdf_contains (text, "Assiduité et absences");
      assert_pdf_contains (text, "Droit à l’image");
      assert_pdf_contains (text, "Données personnelles");
      assert_pdf_contains (text, "location d’instruments");
    }
  else if (g_str_equal (file_name, "mandat-prelevement-sepa.pdf"))
    {
      g_assert_cmpint (n_pages, ==, 1);
      assert_pdf_contains (text, "Mandat de prélèvement SEPA");
      assert_pdf_contains (text, "FR68ZZZ482913");
      assert_pdf_contains (text, "IBAN");
      assert_pdf_contains (text, "BIC");
      assert_pdf_contains (text, "8 semaines");
      assert_pdf_contains (text, "Signature du titulaire du compte");
    }
  else if (g_str_equal (file_name, "calendrier-annee-scolaire.pdf"))
    {
      g_autofree char *september = g_strdup_printf ("septembre %s", years[0]);
      g_autofree char *july = g_strdup_printf ("juillet %s", years[1]);

      g_assert_cmpint (n_pages, ==, 1);
      assert_pdf_contains (text, year);
      assert_pdf_contains (text, "Reprise des cours");
      assert_pdf_contains (text, september);
      assert_pdf_contains (text, "Vacances de la Toussaint");
      assert_pdf_contains (text, "Vacances de Noël");
      assert_pdf_contains (text, "Vacances d’hiver");
      assert_pdf_contains (text, "Vacances de printemps");
      assert_pdf_contains (text, "Examens de fin de cycle");
      assert_pdf_contains (text, "Fin des cours");
      assert_pdf_contains (text, july);
    }
  else
    g_error ("Unexpected demo download %s", file_name);
}

static void
test_downloads (void)
{
  g_autoptr(TuttiTestReply) home = get (TUTTI_API_HOME, ztest_token);
  JsonArray *campaigns = json_object_get_array_member (tutti_test_reply_object (home), "campaigns");
  JsonObject *campaign = json_array_get_object_element (campaigns, 0);
  JsonArray *downloads = json_object_get_array_member (campaign, "downloads");
  g_autofree char *missing_path = NULL;
  g_autoptr(TuttiTestReply) missing = NULL;

  g_assert_cmpstr (json_object_get_string_member (campaign, "kind"), ==, "reenrolment");
  g_assert_cmpuint (json_array_get_length (downloads), ==, 4);
  for (guint i = 0; i < json_array_get_length (downloads); i++)
    {
      JsonObject *download = json_array_get_object_element (downloads, i);
      g_autofree char *path = g_strdup_printf (TUTTI_API_PREFIX "/campaigns/%" G_GINT64_FORMAT
                                               "/downloads/%" G_GINT64_FORMAT,
                                               json_object_get_int_member (campaign, "id"),
                                               json_object_get_int_member (download, "id"));
      g_autoptr(TuttiTestReply) pdf = get (path, ztest_token);
      g_autoptr(TuttiTestReply) again = NULL;
      g_autofree char *text = NULL;
      int n_pages;
      gsize size;
      const char *data;

      tutti_test_assert_status (pdf, 200);
      g_assert_cmpstr (soup_message_headers_get_content_type (pdf->headers, NULL), ==, "application/pdf");
      data = g_bytes_get_data (pdf->body, &size);
      g_assert_cmpint ((gint64) size, ==, json_object_get_int_member (download, "size"));
      g_assert_true (size > 8 && memcmp (data, "%PDF-", 5) == 0);
      g_assert_nonnull (g_strstr_len (data + size - 8, 8, "%%EOF"));

      text = pdf_text (pdf->body, &n_pages);
      assert_demo_download (json_object_get_string_member (download, "file_name"), text, n_pages,
                            json_object_get_string_member (campaign, "school_year"));

      /* Stored once: the same bytes every time. */
      again = get (path, cmartin_token);
      tutti_test_assert_status (again, 200);
      g_assert_true (g_bytes_equal (again->body, pdf->body));
    }

  missing_path = g_strdup_printf (TUTTI_API_PREFIX "/campaigns/%" G_GINT64_FORMAT "/downloads/999999",
                                  campaign_id);
  missing = get (missing_path, ztest_token);
  tutti_test_assert_error (missing, 404, "not-found");
}

/* ---- Drafts, decline, submit (REE-2..4) ------------------------------------------- */

/* Claire's record as GET gives it, with @town. */
static char *
step1_body (TuttiTestReply      *file,
            const char *town,
            const char *postcode)
{
  JsonObject *reenrolment = file_reenrolment (file);
  JsonArray *guardians = json_object_get_array_member (reenrolment, "guardians");
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonArray) edited = json_array_new ();

  for (guint i = 0; i < json_array_get_length (guardians); i++)
    {
      JsonNode *copy = json_node_copy (json_array_get_element (guardians, i));

      if (i == 0)
        {
          json_object_set_string_member (json_node_get_object (copy), "town", town);
          json_object_set_string_member (json_node_get_object (copy), "postcode", postcode);
        }
      json_array_add_element (edited, copy);
    }
  json_object_set_int_member (body, "step", 1);
  json_object_set_array_member (body, "guardians", json_array_ref (edited));
  json_object_set_member (body, "pupil", json_node_copy (json_object_get_member (reenrolment, "pupil")));
  json_node_set_object (node, body);
  return json_to_string (node, FALSE);
}

static gint64
first_course (TuttiTestReply *file)
{
  JsonArray *courses = json_object_get_array_member (file_reenrolment (file), "courses");

  g_assert_cmpuint (json_array_get_length (courses), >, 0);
  return json_object_get_int_member (json_array_get_object_element (courses, 0), "course_id");
}

/* The first place offered for the first course, or 0. */
static gint64
first_offer (TuttiTestReply *file)
{
  JsonArray *offers = json_object_get_array_member (tutti_test_reply_object (file), "course_offers");
  JsonArray *items;

  g_assert_cmpuint (json_array_get_length (offers), >, 0);
  items = json_object_get_array_member (json_array_get_object_element (offers, 0), "offer");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_null_member (item, "places_left") ||
          json_object_get_int_member (item, "places_left") > 0)
        return json_object_get_int_member (item, "id");
    }
  return 0;
}

static void
test_drafts (void)
{
  g_autofree char *path = reenrolment_path (martin_pupils[2], NULL);
  g_autoptr(TuttiTestReply) fresh = get (path, cmartin_token);
  g_autoptr(TuttiTestReply) bad_postcode = NULL;
  g_autoptr(TuttiTestReply) step1 = NULL;
  g_autoptr(TuttiTestReply) unanswered = NULL;
  g_autoptr(TuttiTestReply) step2 = NULL;
  g_autoptr(TuttiTestReply) step3 = NULL;
  g_autoptr(TuttiTestReply) unknown_course = NULL;
  g_autoptr(TuttiTestReply) not_offered = NULL;
  g_autoptr(TuttiTestReply) step4 = NULL;
  g_autoptr(TuttiTestReply) not_accepted = NULL;
  g_autoptr(TuttiTestReply) bad_step = NULL;
  g_autoptr(TuttiTestReply) resumed = NULL;
  g_autofree char *body1_bad = NULL;
  g_autofree char *body1 = NULL;
  g_autofree char *body4 = NULL;
  g_autofree char *body4_unknown = NULL;
  g_autofree char *body4_not_offered = NULL;
  JsonObject *reenrolment;
  JsonArray *changes;
  JsonObject *choice;
  gint64 course, offer;
  gboolean town_changed = FALSE;

  /* Chloé: nothing started; the draft is her file. */
  tutti_test_assert_status (fresh, 200);
  reenrolment = file_reenrolment (fresh);
  g_assert_cmpstr (json_object_get_string_member (reenrolment, "state"), ==, "to-do");
  g_assert_cmpint (json_object_get_int_member (reenrolment, "id"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (reenrolment, "step"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reenrolment, "pupil"),
                                                  "first_name"), ==, "Chloé");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reenrolment, "guardians")), ==, 2);
  g_assert_true (json_object_get_boolean_member (tutti_test_reply_object (fresh), "campaign_open"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (fresh), "changes")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (tutti_test_reply_object (fresh), "campaign"), "required_documents")),
                    ==, 3);

  /* Step 1: core's rules, each field named. */
  body1_bad = step1_body (fresh, "RENNES", "3500");
  bad_postcode = request ("PUT", path, cmartin_token, body1_bad);
  tutti_test_assert_names (bad_postcode, "guardians.0.postcode");
  g_assert_cmpstr (home_state (cmartin_token, martin_pupils[2]), ==, "to-do");

  body1 = step1_body (fresh, "RENNES", "35000");
  step1 = request ("PUT", path, cmartin_token, body1);
  tutti_test_assert_status (step1, 200);
  reenrolment = file_reenrolment (step1);
  g_assert_cmpstr (json_object_get_string_member (reenrolment, "state"), ==, "in-progress");
  g_assert_cmpint (json_object_get_int_member (reenrolment, "step"), ==, 2);
  changes = json_object_get_array_member (tutti_test_reply_object (step1), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_strcmp0 (json_object_get_string_member (change, "field"), "town") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (change, "old_value"), ==, "VITRE");
          g_assert_cmpstr (json_object_get_string_member (change, "new_value"), ==, "RENNES");
          town_changed = TRUE;
        }
    }
  g_assert_true (town_changed);
  g_assert_cmpstr (home_state (cmartin_token, martin_pupils[2]), ==, "in-progress");

  /* Step 2: image rights must be answered. */
  unanswered = request ("PUT", path, cmartin_token, "{\"step\": 2, \"image_rights\": null}");
  tutti_test_assert_names (unanswered, "image_rights");
  step2 = request ("PUT", path, cmartin_token, "{\"step\": 2, \"image_rights\": \"yes\"}");
  tutti_test_assert_status (step2, 200);
  g_assert_cmpint (json_object_get_int_member (file_reenrolment (step2), "step"), ==, 3);
  step3 = request ("PUT", path, cmartin_token, "{\"step\": 3}");
  tutti_test_assert_status (step3, 200);

  /* Step 4: the pupil's courses and places offered for them. */
  course = first_course (step3);
  offer = first_offer (step3);
  g_assert_cmpint (offer, >, 0);
  body4_unknown = g_strdup_printf ("{\"step\": 4, \"courses\": [{\"course_id\": 999999, \"reenrol\": true}]}");
  unknown_course = request ("PUT", path, cmartin_token, body4_unknown);
  tutti_test_assert_names (unknown_course, "courses.0.course_id");
  body4_not_offered = g_strdup_printf ("{\"step\": 4, \"courses\": [{\"course_id\": %" G_GINT64_FORMAT
                                       ", \"reenrol\": true, \"offer_id\": 999999}]}", course);
  not_offered = request ("PUT", path, cmartin_token, body4_not_offered);
  tutti_test_assert_names (not_offered, "courses.0.offer_id");
  body4 = g_strdup_printf ("{\"step\": 4, \"courses\": [{\"course_id\": %" G_GINT64_FORMAT
                           ", \"reenrol\": true, \"offer_id\": %" G_GINT64_FORMAT "}], "
                           "\"free_text\": \"Souhaite commencer le violoncelle\"}", course, offer);
  step4 = request ("PUT", path, cmartin_token, body4);
  tutti_test_assert_status (step4, 200);

  not_accepted = request ("PUT", path, cmartin_token, "{\"step\": 5, \"accepted\": false}");
  tutti_test_assert_names (not_accepted, "accepted");
  bad_step = request ("PUT", path, cmartin_token, "{\"step\": 7}");
  tutti_test_assert_names (bad_step, "step");

  /* Coming back: the same step, everything typed. */
  resumed = get (path, cmartin_token);
  tutti_test_assert_status (resumed, 200);
  reenrolment = file_reenrolment (resumed);
  g_assert_cmpstr (json_object_get_string_member (reenrolment, "state"), ==, "in-progress");
  g_assert_cmpint (json_object_get_int_member (reenrolment, "step"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (reenrolment, "image_rights"), ==, "yes");
  g_assert_cmpstr (json_object_get_string_member (reenrolment, "free_text"), ==,
                   "Souhaite commencer le violoncelle");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (reenrolment, "guardians"), 0),
                     "town"), ==, "RENNES");
  choice = json_array_get_object_element (json_object_get_array_member (reenrolment, "courses"), 0);
  g_assert_true (json_object_get_boolean_member (choice, "reenrol"));
  g_assert_cmpint (json_object_get_int_member (choice, "offer_id"), ==, offer);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (resumed), "changes")), >=, 2);
}

/* Another family's pupil is exactly as unknown as a missing one. */
static void
test_foreign_pupil (void)
{
  g_autofree char *foreign = reenrolment_path (ztest_pupil, NULL);
  g_autofree char *missing = reenrolment_path (999999, NULL);
  g_autofree char *foreign_submit = reenrolment_path (ztest_pupil, "/submit");
  g_autofree char *foreign_decline = reenrolment_path (ztest_pupil, "/decline");
  g_autoptr(TuttiTestReply) r1 = get (foreign, cmartin_token);
  g_autoptr(TuttiTestReply) r2 = get (missing, cmartin_token);
  g_autoptr(TuttiTestReply) r3 = request ("PUT", foreign, cmartin_token, "{\"step\": 3}");
  g_autoptr(TuttiTestReply) r4 = request ("POST", foreign_submit, cmartin_token, "{\"accepted\": true}");
  g_autoptr(TuttiTestReply) r5 = request ("POST", foreign_decline, cmartin_token, NULL);
  g_autoptr(TuttiTestReply) r6 = get (foreign, staff_token);

  tutti_test_assert_error (r1, 404, "not-found");
  tutti_test_assert_error (r2, 404, "not-found");
  g_assert_true (g_bytes_equal (r1->body, r2->body));
  tutti_test_assert_error (r3, 404, "not-found");
  tutti_test_assert_error (r4, 404, "not-found");
  tutti_test_assert_error (r5, 404, "not-found");
  tutti_test_assert_error (r6, 404, "not-found");
  g_assert_cmpstr (home_state (ztest_token, ztest_pupil), ==, "to-do");
}

static void
test_decline (void)
{
  g_autofree char *path = reenrolment_path (martin_pupils[1], "/decline");
  g_autofree char *file_path = reenrolment_path (martin_pupils[1], NULL);
  guint before = outbox_count ();
  g_autoptr(TuttiTestReply) declined = request ("POST", path, cmartin_token, NULL);
  g_autoptr(TuttiTestReply) again = NULL;
  g_autoptr(TuttiTestReply) submit = NULL;
  g_autoptr(TuttiTestReply) read = NULL;
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *submit_path = reenrolment_path (martin_pupils[1], "/submit");

  tutti_test_assert_status (declined, 200);
  g_assert_cmpstr (json_object_get_string_member (file_reenrolment (declined), "state"), ==, "declined");
  g_assert_cmpstr (home_state (cmartin_token, martin_pupils[1]), ==, "declined");
  g_assert_cmpuint (outbox_count (), ==, before + 1);
  message = last_message ();
  subject = message_subject (message);
  g_assert_cmpstr (subject, ==, "Non-réinscription - MARTIN Hugo");
  g_assert_nonnull (strstr (message, "To: Madame MARTIN Claire <claire.martin@example.org>"));

  /* Said twice: the same, nothing mailed again; no submission from there. */
  again = request ("POST", path, cmartin_token, NULL);
  tutti_test_assert_status (again, 200);
  g_assert_cmpuint (outbox_count (), ==, before + 1);
  submit = request ("POST", submit_path, cmartin_token, "{\"accepted\": true}");
  tutti_test_assert_error (submit, 409, "conflict");
  read = get (file_path, cmartin_token);
  g_assert_cmpstr (json_object_get_string_member (file_reenrolment (read), "state"), ==, "declined");
}

static char *
staff_reenrolments_path (const char *query)
{
  return g_strconcat (TUTTI_API_STAFF "/reenrolments", query != NULL ? query : "", NULL);
}

/* The office's lines for @pupil. */
static guint
staff_lines_for (gint64      pupil,
                 const char *query)
{
  g_autofree char *path = staff_reenrolments_path (query);
  g_autoptr(TuttiTestReply) reply = get (path, staff_token);
  JsonArray *lines;
  guint n = 0;

  tutti_test_assert_status (reply, 200);
  lines = tutti_test_reply_array (reply);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    if (json_object_get_int_member (json_array_get_object_element (lines, i), "pupil_id") == pupil)
      n++;
  return n;
}

static void
test_submit (void)
{
  g_autofree char *path = reenrolment_path (ztest_pupil, NULL);
  g_autofree char *submit_path = reenrolment_path (ztest_pupil, "/submit");
  g_autoptr(TuttiTestReply) fresh = get (path, ztest_token);
  g_autoptr(TuttiTestReply) step1 = NULL;
  g_autoptr(TuttiTestReply) step2 = NULL;
  g_autoptr(TuttiTestReply) step4 = NULL;
  g_autoptr(TuttiTestReply) not_accepted = NULL;
  g_autoptr(TuttiTestReply) first = NULL;
  g_autoptr(TuttiTestReply) retry = NULL;
  g_autoptr(TuttiTestReply) another_key = NULL;
  g_autoptr(TuttiTestReply) put_after = NULL;
  g_autoptr(TuttiTestReply) family = NULL;
  g_autoptr(TuttiTestReply) queue = NULL;
  g_autofree char *body1 = NULL;
  g_autofree char *body4 = NULL;
  g_autofree char *message = NULL;
  g_autofree char *subject = NULL;
  const char * const key_headers[] = { TUTTI_API_HEADER_IDEMPOTENCY, "submit-ztest-1", NULL };
  const char * const other_key[] = { TUTTI_API_HEADER_IDEMPOTENCY, "submit-ztest-2", NULL };
  g_autoptr(GBytes) accepted = text_bytes ("{\"accepted\": true}");
  JsonObject *reenrolment;
  JsonArray *pending;
  guint before;
  gboolean town_pending = FALSE;

  /* Z-TEST Essai through the steps: a new town, image rights, his course. */
  body1 = step1_body (fresh, "CHATEAUBOURG", "35220");
  step1 = request ("PUT", path, ztest_token, body1);
  tutti_test_assert_status (step1, 200);
  step2 = request ("PUT", path, ztest_token, "{\"step\": 2, \"image_rights\": \"no\"}");
  tutti_test_assert_status (step2, 200);
  body4 = g_strdup_printf ("{\"step\": 4, \"courses\": [{\"course_id\": %" G_GINT64_FORMAT
                           ", \"reenrol\": true, \"offer_id\": %" G_GINT64_FORMAT "}], "
                           "\"free_text\": \"Souhaite débuter le piano\"}",
                           first_course (step2), first_offer (step2));
  step4 = request ("PUT", path, ztest_token, body4);
  tutti_test_assert_status (step4, 200);

  /* Without "I accept", nothing is sent. */
  not_accepted = send_bytes ("POST", submit_path, ztest_token, "application/json", NULL, key_headers);
  tutti_test_assert_names (not_accepted, "accepted");

  before = outbox_count ();
  first = send_bytes ("POST", submit_path, ztest_token, "application/json", accepted, key_headers);
  tutti_test_assert_status (first, 200);
  reenrolment = file_reenrolment (first);
  g_assert_cmpstr (json_object_get_string_member (reenrolment, "state"), ==, "submitted");
  g_assert_cmpint (json_object_get_int_member (reenrolment, "step"), ==, 6);
  g_assert_true (json_object_get_boolean_member (reenrolment, "accepted"));
  g_assert_cmpuint (outbox_count (), ==, before + 1);

  /* The confirmation, in the guardian's language (MAIL-1). */
  message = last_message ();
  subject = message_subject (message);
  g_assert_cmpstr (subject, ==, "Réinscription en attente de validation - Z-TEST Essai");
  g_assert_nonnull (strstr (message, "To: Monsieur Z-TEST Essai <test@vitrecommunaute.org>"));
  g_assert_nonnull (strstr (message, "Réinscription en attente de validation"));
  g_assert_nonnull (strstr (message, "Souhaite débuter le piano"));
  g_assert_nonnull (strstr (message, "Ville : CHATEAUBOURG"));
  g_assert_nonnull (strstr (message, "Droit à l’image : Non"));

  /* A retry with the same key: the same answer, nothing more. */
  retry = send_bytes ("POST", submit_path, ztest_token, "application/json", accepted, key_headers);
  tutti_test_assert_status (retry, 200);
  g_assert_true (g_bytes_equal (first->body, retry->body));
  g_assert_cmpstr (soup_message_headers_get_one (retry->headers, TUTTI_API_HEADER_REPLAYED), ==, "true");
  g_assert_cmpuint (outbox_count (), ==, before + 1);
  g_assert_cmpuint (staff_lines_for (ztest_pupil, NULL), ==, 1);
  g_assert_cmpuint (staff_lines_for (ztest_pupil, "?state=submitted"), ==, 1);

  /* Sent: another submission or a change is a conflict. */
  another_key = send_bytes ("POST", submit_path, ztest_token, "application/json", accepted, other_key);
  tutti_test_assert_error (another_key, 409, "conflict");
  put_after = request ("PUT", path, ztest_token, "{\"step\": 3}");
  tutti_test_assert_error (put_after, 409, "conflict");
  g_assert_cmpstr (home_state (ztest_token, ztest_pupil), ==, "submitted");

  /* Step 1's changes wait in the file's queue, as a PATCH would. */
  family = get (TUTTI_API_FAMILY, ztest_token);
  pending = json_object_get_array_member (json_array_get_object_element (
                                            json_object_get_array_member (tutti_test_reply_object (family), "guardians"), 0),
                                          "pending_changes");
  for (guint i = 0; i < json_array_get_length (pending); i++)
    {
      JsonObject *change = json_array_get_object_element (pending, i);

      if (g_strcmp0 (json_object_get_string_member (change, "field"), "town") == 0 &&
          g_strcmp0 (json_object_get_string_member (change, "new_value"), "CHATEAUBOURG") == 0 &&
          g_strcmp0 (json_object_get_string_member (change, "state"), "pending") == 0)
        town_pending = TRUE;
    }
  g_assert_true (town_pending);
  queue = get (TUTTI_API_STAFF "/changes", staff_token);
  tutti_test_assert_status (queue, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (queue->body, NULL), g_bytes_get_size (queue->body),
                                  "CHATEAUBOURG"));
}

/* ---- The office (STAFF-2..4) ------------------------------------------------------ */

static gint64
staff_reenrolment_id (gint64 pupil)
{
  g_autofree char *path = staff_reenrolments_path (NULL);
  g_autoptr(TuttiTestReply) reply = get (path, staff_token);
  JsonArray *lines = tutti_test_reply_array (reply);

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);

      if (json_object_get_int_member (line, "pupil_id") == pupil)
        return json_object_get_int_member (line, "id");
    }
  g_assert_not_reached ();
}

static void
test_staff (void)
{
  g_autofree char *to_do = staff_reenrolments_path ("?state=to-do");
  g_autofree char *bad = staff_reenrolments_path ("?state=maybe");
  g_autoptr(TuttiTestReply) to_do_list = get (to_do, staff_token);
  g_autoptr(TuttiTestReply) bad_list = get (bad, staff_token);
  g_autoptr(TuttiTestReply) whole = NULL;
  g_autoptr(TuttiTestReply) no_reason = NULL;
  g_autoptr(TuttiTestReply) not_sent = NULL;
  g_autoptr(TuttiTestReply) document_decided = NULL;
  g_autoptr(TuttiTestReply) validated = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *decide_path = NULL;
  g_autofree char *hugo_decide = NULL;
  g_autofree char *document_decide = NULL;
  g_autofree char *lea_path = NULL;
  g_autoptr(TuttiTestReply) lea = NULL;
  JsonArray *lines;
  JsonArray *courses;
  JsonArray *documents;
  gint64 id = staff_reenrolment_id (ztest_pupil);
  gint64 document_id = 0;

  tutti_test_assert_status (to_do_list, 200);
  lines = tutti_test_reply_array (to_do_list);
  g_assert_cmpuint (json_array_get_length (lines), >, 0);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, i), "state"), ==,
                     "to-do");
  tutti_test_assert_names (bad_list, "state");
  g_assert_cmpuint (staff_lines_for (martin_pupils[1], "?state=declined"), ==, 1);
  g_assert_cmpuint (staff_lines_for (martin_pupils[2], "?state=in-progress"), ==, 1);
  g_assert_cmpuint (staff_lines_for (martin_pupils[0], "?state=submitted"), ==, 1);

  /* The demo's Léa sent hers: each course renewed, the violin in its place. */
  lea_path = g_strdup_printf (TUTTI_API_STAFF "/reenrolments/%" G_GINT64_FORMAT,
                              staff_reenrolment_id (martin_pupils[0]));
  lea = get (lea_path, staff_token);
  tutti_test_assert_status (lea, 200);
  courses = json_object_get_array_member (file_reenrolment (lea), "courses");
  g_assert_cmpuint (json_array_get_length (courses), ==, 3);
  for (guint i = 0; i < json_array_get_length (courses); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (courses, i), "reenrol"));
  g_assert_false (json_object_get_null_member (json_array_get_object_element (courses, 0), "offer_id"));

  /* The whole file: contact changes, authorisations, documents, courses. */
  file_path = g_strdup_printf (TUTTI_API_STAFF "/reenrolments/%" G_GINT64_FORMAT, id);
  whole = get (file_path, staff_token);
  tutti_test_assert_status (whole, 200);
  g_assert_cmpstr (json_object_get_string_member (file_reenrolment (whole), "image_rights"), ==, "no");
  g_assert_cmpstr (json_object_get_string_member (file_reenrolment (whole), "free_text"), ==,
                   "Souhaite débuter le piano");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (whole), "family_name"), ==, "Z-TEST");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (whole), "changes")), >, 0);
  documents = json_object_get_array_member (tutti_test_reply_object (whole), "documents");
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      if (g_strcmp0 (json_object_get_string_member (document, "state"), "provided") == 0)
        document_id = json_object_get_int_member (document, "id");
    }
  g_assert_cmpint (document_id, >, 0);

  /* A document of the file, accepted. */
  document_decide = g_strdup_printf (TUTTI_API_STAFF "/reenrolments/%" G_GINT64_FORMAT "/documents/%"
                                     G_GINT64_FORMAT "/decide", id, document_id);
  document_decided = request ("POST", document_decide, staff_token, "{\"state\": \"accepted\"}");
  tutti_test_assert_status (document_decided, 200);
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (document_decided), "state"), ==, "accepted");

  /* Refusing takes a reason; what the family has not sent cannot be decided. */
  decide_path = g_strdup_printf (TUTTI_API_STAFF "/reenrolments/%" G_GINT64_FORMAT "/decide", id);
  no_reason = request ("POST", decide_path, staff_token, "{\"state\": \"refused\"}");
  tutti_test_assert_names (no_reason, "reason");
  hugo_decide = g_strdup_printf (TUTTI_API_STAFF "/reenrolments/%" G_GINT64_FORMAT "/decide",
                                 staff_reenrolment_id (martin_pupils[1]));
  not_sent = request ("POST", hugo_decide, staff_token, "{\"state\": \"validated\"}");
  tutti_test_assert_error (not_sent, 409, "conflict");

  validated = request ("POST", decide_path, staff_token, "{\"state\": \"validated\"}");
  tutti_test_assert_status (validated, 200);
  g_assert_cmpstr (json_object_get_string_member (file_reenrolment (validated), "state"), ==, "validated");
  g_assert_cmpstr (home_state (ztest_token, ztest_pupil), ==, "validated");
  g_assert_cmpuint (staff_lines_for (ztest_pupil, "?state=validated"), ==, 1);
}

static void
test_staff_forbidden (void)
{
  g_autofree char *list = staff_reenrolments_path (NULL);
  g_autofree char *one = g_strdup_printf (TUTTI_API_STAFF "/reenrolments/%" G_GINT64_FORMAT,
                                          staff_reenrolment_id (martin_pupils[0]));
  g_autofree char *decide = g_strconcat (one, "/decide", NULL);
  g_autofree char *campaign = g_strdup_printf (TUTTI_API_STAFF "/campaigns/%" G_GINT64_FORMAT, campaign_id);
  g_autoptr(TuttiTestReply) r1 = get (list, ztest_token);
  g_autoptr(TuttiTestReply) r2 = get (one, cmartin_token);
  g_autoptr(TuttiTestReply) r3 = request ("POST", decide, cmartin_token, "{\"state\": \"validated\"}");
  g_autoptr(TuttiTestReply) r4 = request ("PATCH", campaign, ztest_token, "{\"open\": false}");
  g_autoptr(TuttiTestReply) r5 = request ("POST", TUTTI_API_STAFF "/campaigns", ztest_token, "{}");
  g_autoptr(TuttiTestReply) r6 = get (TUTTI_API_STAFF "/documents?state=provided", ztest_token);
  g_autoptr(TuttiTestReply) r7 = get (list, NULL);

  tutti_test_assert_error (r1, 403, "forbidden");
  tutti_test_assert_error (r2, 403, "forbidden");
  tutti_test_assert_error (r3, 403, "forbidden");
  tutti_test_assert_error (r4, 403, "forbidden");
  tutti_test_assert_error (r5, 403, "forbidden");
  tutti_test_assert_error (r6, 403, "forbidden");
  tutti_test_assert_error (r7, 401, "unauthenticated");
}

/* ---- Campaigns run by the office (REE-1, STAFF-3) ------------------------------------ */

/* {"offer": [...]}: @offer, without its discovery course unless
 * @with_discovery, with an organ class when @add_organ. */
static char *
offer_body (JsonArray *offer,
            gboolean   with_discovery,
            gboolean   add_organ)
{
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < json_array_get_length (offer); i++)
    {
      JsonObject *item = json_array_get_object_element (offer, i);

      if (with_discovery || g_strcmp0 (json_object_get_string_member (item, "discipline"),
                                       "Parcours découvertes instrumentales") != 0)
        json_array_add_element (items, json_node_copy (json_array_get_element (offer, i)));
    }
  if (add_organ)
    json_array_add_element (items, json_from_string ("{\"discipline\": \"Orgue\", \"site\": \"Vitré\", "
                                                     "\"day\": \"saturday\", \"time\": \"11:00\"}", NULL));
  json_object_set_array_member (body, "offer", json_array_ref (items));
  json_node_set_object (node, body);
  return json_to_string (node, FALSE);
}

static void
test_campaigns (void)
{
  g_autofree char *path = g_strdup_printf (TUTTI_API_STAFF "/campaigns/%" G_GINT64_FORMAT, campaign_id);
  g_autofree char *downloads = g_strconcat (path, "/downloads", NULL);
  g_autofree char *offer_path = g_strconcat (path, "/offer", NULL);
  g_autoptr(GBytes) pdf = make_pdf (0);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(TuttiTestReply) listed = get (TUTTI_API_STAFF "/campaigns", staff_token);
  g_autoptr(TuttiTestReply) overlap = NULL;
  g_autoptr(TuttiTestReply) bad_year = NULL;
  g_autoptr(TuttiTestReply) uploaded = NULL;
  g_autoptr(TuttiTestReply) not_pdf = NULL;
  g_autoptr(TuttiTestReply) fetched = NULL;
  g_autoptr(TuttiTestReply) removed = NULL;
  g_autoptr(TuttiTestReply) current = NULL;
  g_autoptr(TuttiTestReply) chosen_removed = NULL;
  g_autoptr(TuttiTestReply) added = NULL;
  g_autoptr(TuttiTestReply) later = NULL;
  g_autofree char *download_path = NULL;
  g_autofree char *staff_download = NULL;
  g_autofree char *future = NULL;
  g_autofree char *later_body = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autoptr(GDateTime) next_year_end = g_date_time_add_days (next_year, 30);
  g_autofree char *opens = g_date_time_format (next_year, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *closes = g_date_time_format (next_year_end, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *all_but_one = NULL;
  g_autofree char *plus_one = NULL;
  JsonArray *offer;
  gint64 download_id;
  const char * const names[] = { "X-File-Name", "tarifs%202027.pdf", "X-Document-Name",
                                 "Grille%20tarifaire%202027", NULL };

  tutti_test_assert_status (listed, 200);
  g_assert_cmpuint (json_array_get_length (tutti_test_reply_array (listed)), >=, 1);

  /* One open re-enrolment campaign at a time; the school year's form. */
  future = g_strdup_printf ("{\"kind\": \"reenrolment\", \"school_year\": \"2027/2028\", "
                            "\"deadline\": \"%s\"}", closes);
  overlap = request ("POST", TUTTI_API_STAFF "/campaigns", staff_token, future);
  tutti_test_assert_error (overlap, 409, "conflict");
  bad_year = request ("POST", TUTTI_API_STAFF "/campaigns", staff_token,
                      "{\"school_year\": \"2027\", \"deadline\": \"2020-01-01T00:00:00+01:00\"}");
  tutti_test_assert_names (bad_year, "school_year");
  tutti_test_assert_names (bad_year, "deadline");

  /* A campaign for later, with a new document to provide and an offer. */
  later_body = g_strdup_printf ("{\"kind\": \"reenrolment\", \"school_year\": \"2028/2029\", "
                                "\"opens_at\": \"%s\", \"deadline\": \"%s\", "
                                "\"required_documents\": [{\"id\": \"family-quotient\"}, "
                                "{\"id\": \"school-certificate\", \"name\": \"Certificat de scolarité\", "
                                "\"required\": true}], "
                                "\"offer\": [{\"discipline\": \"Violon\", \"site\": \"Vitré\"}]}",
                                opens, closes);
  later = request ("POST", TUTTI_API_STAFF "/campaigns", staff_token, later_body);
  tutti_test_assert_status (later, 201);
  g_assert_true (json_object_get_boolean_member (tutti_test_reply_object (later), "open"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (later),
                                                                         "required_documents")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (later), "offer")), ==, 1);

  /* Downloads: PDFs only, checked by content. */
  uploaded = send_bytes ("POST", downloads, staff_token, "application/pdf", pdf, names);
  tutti_test_assert_status (uploaded, 201);
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (uploaded), "name"), ==, "Grille tarifaire 2027");
  g_assert_cmpstr (json_object_get_string_member (tutti_test_reply_object (uploaded), "file_name"), ==, "tarifs 2027.pdf");
  download_id = json_object_get_int_member (tutti_test_reply_object (uploaded), "id");
  not_pdf = send_bytes ("POST", downloads, staff_token, "application/pdf", png, names);
  tutti_test_assert_error (not_pdf, 415, "unsupported-file-type");
  download_path = g_strdup_printf (TUTTI_API_PREFIX "/campaigns/%" G_GINT64_FORMAT "/downloads/%"
                                   G_GINT64_FORMAT, campaign_id, download_id);
  fetched = get (download_path, cmartin_token);
  tutti_test_assert_status (fetched, 200);
  g_assert_true (g_bytes_equal (fetched->body, pdf));
  staff_download = g_strdup_printf ("%s/%" G_GINT64_FORMAT, downloads, download_id);
  removed = request ("DELETE", staff_download, staff_token, NULL);
  tutti_test_assert_status (removed, 204);
  g_clear_pointer (&fetched, tutti_test_reply_free);
  fetched = get (download_path, cmartin_token);
  tutti_test_assert_error (fetched, 404, "not-found");

  /* The offer: a place a family chose cannot go; one can be added. */
  current = get (path, staff_token);
  tutti_test_assert_status (current, 200);
  offer = json_object_get_array_member (tutti_test_reply_object (current), "offer");
  g_assert_cmpuint (json_array_get_length (offer), >, 10);
  /* Without the discovery course (Essai and Chloé chose a place of it). */
  all_but_one = offer_body (offer, FALSE, FALSE);
  chosen_removed = request ("PUT", offer_path, staff_token, all_but_one);
  tutti_test_assert_error (chosen_removed, 409, "conflict");
  plus_one = offer_body (offer, TRUE, TRUE);
  added = request ("PUT", offer_path, staff_token, plus_one);
  tutti_test_assert_status (added, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tutti_test_reply_object (added), "offer")), ==,
                    json_array_get_length (offer) + 1);
}

/* REE-4: closed early by the office, then opened again. */
static void
test_campaign_closed (void)
{
  g_autofree char *campaign = g_strdup_printf (TUTTI_API_STAFF "/campaigns/%" G_GINT64_FORMAT, campaign_id);
  g_autofree char *path = reenrolment_path (martin_pupils[2], NULL);
  g_autofree char *submit = reenrolment_path (martin_pupils[2], "/submit");
  g_autofree char *decline = reenrolment_path (martin_pupils[2], "/decline");
  g_autoptr(GBytes) pdf = make_pdf (0);
  g_autoptr(GBytes) accepted = text_bytes ("{\"accepted\": true}");
  g_autoptr(TuttiTestReply) closed = request ("PATCH", campaign, staff_token, "{\"open\": false}");
  g_autoptr(TuttiTestReply) put = NULL;
  g_autoptr(TuttiTestReply) submitted = NULL;
  g_autoptr(TuttiTestReply) declined = NULL;
  g_autoptr(TuttiTestReply) uploaded = NULL;
  g_autoptr(TuttiTestReply) other = NULL;
  g_autoptr(TuttiTestReply) read = NULL;
  g_autoptr(TuttiTestReply) home = NULL;
  g_autoptr(TuttiTestReply) reopened = NULL;
  g_autoptr(TuttiTestReply) past = NULL;
  g_autoptr(TuttiTestReply) past_put = NULL;
  g_autoptr(TuttiTestReply) restored = NULL;
  g_autoptr(TuttiTestReply) after = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *past_body = NULL;
  g_autofree char *restore_body = NULL;
  JsonArray *campaigns;

  tutti_test_assert_status (closed, 200);
  g_assert_false (json_object_get_boolean_member (tutti_test_reply_object (closed), "open"));
  deadline = g_strdup (json_object_get_string_member (tutti_test_reply_object (closed), "deadline"));

  put = request ("PUT", path, cmartin_token, "{\"step\": 3}");
  tutti_test_assert_error (put, 409, "campaign-closed");
  submitted = send_bytes ("POST", submit, cmartin_token, "application/json", accepted, NULL);
  tutti_test_assert_error (submitted, 409, "campaign-closed");
  declined = request ("POST", decline, cmartin_token, NULL);
  tutti_test_assert_error (declined, 409, "campaign-closed");
  uploaded = upload (cmartin_token, pdf, "application/pdf", "direct-debit-form", "mandat.pdf", NULL);
  tutti_test_assert_error (uploaded, 409, "campaign-closed");
  /* A document no campaign asks for is still welcome (FAM-2). */
  other = upload (cmartin_token, pdf, "application/pdf", "other", "autre.pdf", NULL);
  tutti_test_assert_status (other, 201);

  /* The draft stays readable, with everything typed. */
  read = get (path, cmartin_token);
  tutti_test_assert_status (read, 200);
  g_assert_false (json_object_get_boolean_member (tutti_test_reply_object (read), "campaign_open"));
  g_assert_cmpstr (json_object_get_string_member (file_reenrolment (read), "state"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (file_reenrolment (read), "free_text"), ==,
                   "Souhaite commencer le violoncelle");
  home = get (TUTTI_API_HOME, cmartin_token);
  campaigns = json_object_get_array_member (tutti_test_reply_object (home), "campaigns");
  for (guint i = 0; i < json_array_get_length (campaigns); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (campaigns, i), "kind"), !=,
                     "reenrolment");

  /* Opened again; then past its deadline, closed as well. */
  reopened = request ("PATCH", campaign, staff_token, "{\"open\": true}");
  tutti_test_assert_status (reopened, 200);
  past_body = g_strdup ("{\"deadline\": \"2020-10-31T23:59:00+01:00\", \"opens_at\": \"2020-09-01T00:00:00+02:00\"}");
  past = request ("PATCH", campaign, staff_token, past_body);
  tutti_test_assert_status (past, 200);
  past_put = request ("PUT", path, cmartin_token, "{\"step\": 3}");
  tutti_test_assert_error (past_put, 409, "campaign-closed");

  restore_body = g_strdup_printf ("{\"deadline\": \"%s\", \"opens_at\": \"%s\"}", deadline,
                                  json_object_get_string_member (tutti_test_reply_object (closed), "opens_at"));
  restored = request ("PATCH", campaign, staff_token, restore_body);
  tutti_test_assert_status (restored, 200);
  after = request ("PUT", path, cmartin_token, "{\"step\": 3}");
  tutti_test_assert_status (after, 200);
}

/* ---- Set-up ------------------------------------------------------------------------ */

static void
find_demo_ids (void)
{
  g_autoptr(TuttiTestReply) ztest_home = NULL;
  g_autoptr(TuttiTestReply) martin_home = NULL;
  JsonArray *pupils;
  JsonArray *campaigns;

  ztest_token = tutti_test_login_token (server, "ztest1", TUTTI_TEST_FAMILY_PASSWORD);
  cmartin_token = tutti_test_login_token (server, "cmartin", TUTTI_TEST_FAMILY_PASSWORD);
  staff_token = tutti_test_login_token (server, "secretariat", TUTTI_TEST_STAFF_PASSWORD);

  ztest_home = get (TUTTI_API_HOME, ztest_token);
  pupils = json_object_get_array_member (tutti_test_reply_object (ztest_home), "pupils");
  ztest_pupil = json_object_get_int_member (json_array_get_object_element (pupils, 0), "id");
  campaigns = json_object_get_array_member (tutti_test_reply_object (ztest_home), "campaigns");
  campaign_id = json_object_get_int_member (json_array_get_object_element (campaigns, 0), "id");

  martin_home = get (TUTTI_API_HOME, cmartin_token);
  pupils = json_object_get_array_member (tutti_test_reply_object (martin_home), "pupils");
  g_assert_cmpuint (json_array_get_length (pupils), ==, 3);
  for (guint i = 0; i < 3; i++)
    martin_pupils[i] = json_object_get_int_member (json_array_get_object_element (pupils, i), "id");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reenrolment/documents-bad-files", test_documents_bad_files);
  g_test_add_func ("/reenrolment/documents-size", test_documents_size);
  g_test_add_func ("/reenrolment/documents-lifecycle", test_documents_lifecycle);
  g_test_add_func ("/reenrolment/documents-foreign", test_documents_foreign);
  g_test_add_func ("/reenrolment/documents-kind", test_documents_kind);
  g_test_add_func ("/reenrolment/documents-idempotency", test_documents_idempotency);
  g_test_add_func ("/reenrolment/downloads", test_downloads);
  g_test_add_func ("/reenrolment/foreign-pupil", test_foreign_pupil);
  g_test_add_func ("/reenrolment/drafts", test_drafts);
  g_test_add_func ("/reenrolment/decline", test_decline);
  g_test_add_func ("/reenrolment/submit", test_submit);
  g_test_add_func ("/reenrolment/staff-desk", test_staff);
  g_test_add_func ("/reenrolment/staff-forbidden", test_staff_forbidden);
  g_test_add_func ("/reenrolment/staff-campaigns", test_campaigns);
  g_test_add_func ("/reenrolment/campaign-closed", test_campaign_closed);

  server = tutti_test_server_start (TRUE, NULL);
  find_demo_ids ();

  status = g_test_run ();

  tutti_test_server_stop (server);
  g_free (ztest_token);
  g_free (cmartin_token);
  g_free (staff_token);
  return status;
}
