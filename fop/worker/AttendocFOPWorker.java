/*
 * Attendoc's warm FOP worker: one Java process that stays running and typesets many XSL-FO
 * documents into PDF with Apache FOP's own API, so that a batch of letters, an evidence bundle or
 * a web preview pays for one JVM start instead of one per document (docs/batch.md, "The warm FOP
 * worker").
 *
 * It is compiled from this file by Attendoc itself on first use, into a cache folder keyed by this
 * file's SHA-256 (Sources/AttendocPrograms/FOPWorkerProgram.swift), and started by
 * Sources/AttendocPrograms/FOPWorker.swift as
 *
 *     java -cp <cache folder>:<FOP's jars> AttendocFOPWorker <fop.xconf>
 *
 * The protocol, on standard input and standard output (all numbers 4-byte big-endian, all text
 * UTF-8):
 *
 *     request:  <length><name>  <length><PDF profile, or empty for none>  <length><XSL-FO>
 *     response: <status byte>   <length><bytes>
 *
 * One response per request, in order. Status 0: the bytes are the PDF. Status 1: FOP could not
 * make the PDF of that document; the bytes are FOP's message, and the worker goes on to the next
 * request. The name only labels the document in that message: it is a file name or a description
 * ("the print run of 12 letters"), never a document's contents. The worker ends when its standard
 * input ends (Attendoc closed it, or ended), or, after answering, when the JVM ran out of memory
 * (Attendoc then starts a fresh one).
 *
 * Each document is typeset exactly as the `fop` command typesets it
 * (`fop -c fop.xconf -pdfprofile PDF/A-1b -fo document.fo -pdf document.pdf`): the same FOP
 * factory settings read from the same configuration file, a new user agent per document with the
 * same PDF profile option, and the same JAXP identity transform feeding FOP's SAX handler. So the
 * PDF is the same bytes as the command's, apart from the creation date and file identifier, which
 * Attendoc replaces in both cases (PDFNormaliser).
 *
 * Nothing but the framed responses may reach standard output: System.out is pointed at standard
 * error (a log file Attendoc keeps in its private temporary folder) before FOP is touched.
 */

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;

import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;

public final class AttendocFOPWorker {
    /** Response status: the bytes are the document's PDF. */
    private static final int PDF = 0;
    /** Response status: the document could not be typeset; the bytes are FOP's message. */
    private static final int FAILED = 1;
    /** The largest request part accepted (1 GiB): a longer length means the stream is out of step. */
    private static final int LARGEST_PART = 1 << 30;
    /** How many distinct lines of FOP's message go back at most. */
    private static final int MESSAGE_LINES = 8;

    private AttendocFOPWorker() {}

    public static void main(String[] arguments) throws IOException {
        // The real standard output carries only responses; anything FOP or a library prints goes
        // to standard error.
        DataOutputStream responses = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        if (arguments.length != 1) {
            System.err.println("usage: java AttendocFOPWorker FOP-CONFIGURATION-FILE");
            System.exit(2);
        }
        File configuration = new File(arguments[0]).getAbsoluteFile();
        FopFactory factory;
        try {
            // As `fop -c FILE`: the configuration file's settings (fonts, strict validation,
            // accessibility, PDF version). Relative URIs resolve against the configuration's
            // folder; Attendoc's documents name every file by an absolute URI.
            factory = new FopConfParser(configuration, configuration.getParentFile().toURI()).getFopFactoryBuilder().build();
        } catch (Exception e) {
            // Attendoc reads this from the log when the worker ends before its first answer.
            System.err.println("cannot read the FOP configuration " + configuration + ": " + message(e));
            System.exit(2);
            return;
        }
        TransformerFactory transformers = TransformerFactory.newInstance();
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));

        while (true) {
            String name;
            String profile;
            byte[] fo;
            try {
                name = new String(part(requests), StandardCharsets.UTF_8);
            } catch (EOFException end) {
                // Attendoc closed our input (or ended): nothing more to do.
                return;
            }
            profile = new String(part(requests), StandardCharsets.UTF_8);
            fo = part(requests);
            try {
                respond(responses, PDF, typeset(factory, transformers, fo, profile));
            } catch (OutOfMemoryError e) {
                // Answer, then end: a JVM that ran out of memory is not trusted with the next
                // document. Attendoc starts a fresh worker for it.
                fo = null;
                respond(responses, FAILED, bytes("Java ran out of memory typesetting " + name
                        + " (the heap is capped by ATTENDOC_FOP_JAVA_ARGS, default -Xmx512m)"));
                System.exit(3);
            } catch (Throwable e) {
                respond(responses, FAILED, bytes(message(e)));
            }
            // A file an image was read from may change before a later document names it again.
            factory.getImageManager().getCache().clearCache();
        }
    }

    /** One document typeset as `fop -fo FILE -pdf FILE [-pdfprofile PROFILE]` typesets it. */
    @SuppressWarnings("unchecked") // FOP's renderer options are a raw Map.
    private static byte[] typeset(FopFactory factory, TransformerFactory transformers, byte[] fo, String profile) throws Exception {
        FOUserAgent agent = factory.newFOUserAgent();
        if (!profile.isEmpty()) {
            // What `-pdfprofile` sets (PDFConfigurationConstants.PDF_A_MODE).
            agent.getRendererOptions().put("pdf-a-mode", profile);
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(Math.max(1 << 16, fo.length));
        Fop fop = factory.newFop(MimeConstants.MIME_PDF, agent, pdf);
        // The identity transform, as FOP's command line feeds an FO file to its SAX handler.
        Transformer identity = transformers.newTransformer();
        identity.transform(new StreamSource(new ByteArrayInputStream(fo)), new SAXResult(fop.getDefaultHandler()));
        return pdf.toByteArray();
    }

    /** One length-prefixed part of a request. */
    private static byte[] part(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > LARGEST_PART) {
            throw new IOException("a request part of " + length + " bytes: the request stream is out of step");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static void respond(DataOutputStream out, int status, byte[] bytes) throws IOException {
        out.writeByte(status);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What a person needs of an exception: its message and its causes' messages, each said once
     * (a cause repeating its exception's words is left out), without Java's stack trace. The class name stands in for a message that has none.
     */
    private static String message(Throwable error) {
        List<String> lines = new ArrayList<>();
        for (Throwable cause = error; cause != null && lines.size() < MESSAGE_LINES; cause = cause.getCause()) {
            String text = cause.getMessage();
            if (text == null || text.isBlank()) {
                text = cause.getClass().getSimpleName();
            }
            for (String line : text.split("\\R")) {
                // "org.apache.fop.fo.ValidationException: ..." says no more than "...", and a
                // document read from memory has no file name ("null:1:66: ...").
                String trimmed = line.strip().replaceFirst("^([A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*(Exception|Error): ", "")
                        .replaceFirst("^null:", "line ");
                boolean known = lines.stream().anyMatch(earlier -> earlier.contains(trimmed) || trimmed.contains(earlier));
                if (!trimmed.isEmpty() && !known && lines.size() < MESSAGE_LINES) {
                    lines.add(trimmed);
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return String.join("\n", lines);
    }
}
