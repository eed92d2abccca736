package io.gridpbx.core.presence.xcap;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.body.BodyException;
import io.gridpbx.core.presence.body.Entry;
import io.gridpbx.core.presence.body.ResourceList;
import io.gridpbx.core.presence.body.ResourceLists;
import io.gridpbx.core.presence.body.RlsServices;
import io.gridpbx.core.presence.body.Service;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The XCAP server's use cases (RFC 4825 section 8) over whole documents: a user reads, writes and deletes its
 * own {@code resource-lists} and {@code rls-services} documents, and the presence server reads the list URIs
 * they define. A user of the same domain is refused 403 on another's documents; a user of another domain is
 * answered 404, so it never learns whether a document exists. A PUT is checked in the order of section 8.2:
 * the MIME type of the usage (415), the size (413, 1 MiB), UTF-8 ({@code <not-utf-8>}), well-formed XML
 * ({@code <not-well-formed>}), the usage's rules ({@code <schema-validation-error>}), all 409 with an
 * {@code <xcap-error>} body; a DOCTYPE, and with it every entity-expansion bomb, is a
 * {@code <constraint-failure>}, refused before anything is expanded. Each change gets a fresh random strong
 * entity tag, and {@code If-Match}/{@code If-None-Match} are checked by the store in the same step as the write.
 */
public final class XcapDocuments {

    /** The most a document may weigh: 1 MiB, some thousand times a desk phone's buddy list. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "\\A\\uFEFF?\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern LIST_SELECTOR = Pattern.compile(
            "resource-lists/list\\[@name=(?:\"([^\"]*)\"|'([^']*)')]");

    private final XcapStore store;
    private final RandomGenerator random;

    /** @param random draws the entity tags; a shared {@code SecureRandom} in production, so tags cannot be guessed */
    public XcapDocuments(XcapStore store, RandomGenerator random) {
        this.store = store;
        this.random = random;
    }

    /** GET of a whole document (section 8.3): 200, 304 when {@code If-None-Match} names it, 412, 404. */
    public XcapOutcome get(AddressOfRecord user, XcapUri uri, XcapPrecondition precondition) {
        XcapOutcome.Refused refused = refusal(user, uri);
        if (refused != null) {
            return refused;
        }
        Optional<XcapDocument> document = store.find(uri);
        if (document.isEmpty()) {
            return notFound();
        }
        String etag = document.get().etag();
        if (!precondition.allowsRead(etag)) {
            return preconditionFailed();
        }
        return precondition.notModified(etag) ? new XcapOutcome.NotModified(etag)
                : new XcapOutcome.Found(document.get());
    }

    /**
     * PUT of a whole document (section 8.2): 201 when it creates it, 200 when it replaces it, each with the new
     * tag; 403/404, 415, 413, 409 or 412 otherwise.
     *
     * @param body the request's body; when the caller stopped reading past {@link #MAX_BYTES}, what it read
     */
    public XcapOutcome put(AddressOfRecord user, XcapUri uri, @Nullable String contentType, byte[] body,
            XcapPrecondition precondition) {
        XcapOutcome.Refused refused = refusal(user, uri);
        if (refused != null) {
            return refused;
        }
        if (!uri.auid().contentType().equals(mediaType(contentType))) {
            return new XcapOutcome.Refused(415, "a " + uri.auid().token() + " document is sent as "
                    + uri.auid().contentType());
        }
        if (body.length > MAX_BYTES) {
            return tooLarge();
        }
        refused = invalid(uri.auid(), body);
        if (refused != null) {
            return refused;
        }
        String etag = newEtag();
        return switch (store.put(new XcapDocument(uri, body, etag), precondition)) {
            case CREATED -> new XcapOutcome.Stored(etag, true);
            case REPLACED -> new XcapOutcome.Stored(etag, false);
            case PRECONDITION_FAILED -> preconditionFailed();
            case DELETED, NOT_FOUND -> throw new IllegalStateException("a put cannot delete");
        };
    }

    /** DELETE of a whole document (section 8.4): 200, 404 when there is none, 412. */
    public XcapOutcome delete(AddressOfRecord user, XcapUri uri, XcapPrecondition precondition) {
        XcapOutcome.Refused refused = refusal(user, uri);
        if (refused != null) {
            return refused;
        }
        return switch (store.delete(uri, precondition)) {
            case DELETED -> new XcapOutcome.Deleted();
            case NOT_FOUND -> notFound();
            case PRECONDITION_FAILED -> preconditionFailed();
            case CREATED, REPLACED -> throw new IllegalStateException("a delete cannot store");
        };
    }

    /**
     * The list URIs of {@code owner}'s rls-services document ({@code index}), each with its resources: the
     * inline list, or the list of the owner's own resource-lists {@code index} that its {@code resource-list}
     * names in the one form supported, {@code /xcap/resource-lists/users/<xui>/index/~~/resource-lists/list[@name="x"]}
     * (absolute {@code http(s)} URIs of that path too). A reference in any other form, to another user's
     * document or to a list that is not there gives no resources: the URI still answers, with an empty list.
     */
    public List<ResolvedService> listUris(AddressOfRecord owner) {
        Optional<XcapDocument> document = store.find(new XcapUri(Auid.RLS_SERVICES, owner, XcapUri.INDEX));
        if (document.isEmpty()) {
            return List.of();
        }
        RlsServices services;
        try {
            services = RlsServices.parse(document.get().bytes(), MAX_BYTES);
        } catch (BodyException storedBeforeTheRulesChanged) {
            return List.of();
        }
        ResourceLists lists = null;
        List<ResolvedService> resolved = new ArrayList<>();
        for (Service service : services.services()) {
            List<Entry> resources = service.entries();
            String reference = service.resourceListRef();
            if (reference != null) {
                Optional<String> name = referencedList(reference, owner);
                if (name.isPresent() && lists == null) {
                    lists = resourceLists(owner);
                }
                resources = name.isEmpty() ? List.of() : lists.lists().stream()
                        .filter(list -> list.name().equals(name.get())).findFirst()
                        .map(ResourceList::entries).orElse(List.of());
            }
            resolved.add(new ResolvedService(service.uri(), resources, service.packages()));
        }
        return List.copyOf(resolved);
    }

    /** The name of the list a {@code resource-list} reference selects in {@code owner}'s own resource-lists index. */
    static Optional<String> referencedList(String reference, AddressOfRecord owner) {
        String path = reference.strip();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = path.indexOf('/', path.indexOf("//") + 2);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int separator = path.indexOf("/~~/");
        if (separator < 0) {
            return Optional.empty();
        }
        try {
            XcapUri document = XcapUri.parse(path.substring(0, separator));
            if (!document.equals(new XcapUri(Auid.RESOURCE_LISTS, owner, XcapUri.INDEX))) {
                return Optional.empty();
            }
            Matcher selector = LIST_SELECTOR.matcher(XcapUri.decode(path.substring(separator + 4)));
            if (!selector.matches()) {
                return Optional.empty();
            }
            return Optional.of(selector.group(1) != null ? selector.group(1) : selector.group(2));
        } catch (XcapUriException notADocument) {
            return Optional.empty();
        }
    }

    private ResourceLists resourceLists(AddressOfRecord owner) {
        Optional<XcapDocument> document = store.find(new XcapUri(Auid.RESOURCE_LISTS, owner, XcapUri.INDEX));
        try {
            return document.isEmpty() ? new ResourceLists(List.of())
                    : ResourceLists.parse(document.get().bytes(), MAX_BYTES);
        } catch (BodyException storedBeforeTheRulesChanged) {
            return new ResourceLists(List.of());
        }
    }

    /** Null when {@code user} may use {@code uri}'s document: its own. */
    private static XcapOutcome.@Nullable Refused refusal(AddressOfRecord user, XcapUri uri) {
        if (user.equals(uri.owner())) {
            return null;
        }
        if (user.domain().equals(uri.owner().domain())) {
            return new XcapOutcome.Refused(403, "a user reads and writes its own documents only");
        }
        return notFound();
    }

    /** Null when the body is a valid document of the usage; the 409 (or 413) that says what is wrong otherwise. */
    private static XcapOutcome.@Nullable Refused invalid(Auid auid, byte[] body) {
        if (!isUtf8(body)) {
            return new XcapOutcome.Refused(409, "the document is not UTF-8", XcapError.NOT_UTF_8);
        }
        try {
            auid.validate(body, MAX_BYTES);
            return null;
        } catch (BodyException refused) {
            return switch (refused.flaw()) {
                case NOT_WELL_FORMED -> new XcapOutcome.Refused(409, "not well-formed XML", XcapError.NOT_WELL_FORMED);
                case DOCTYPE -> new XcapOutcome.Refused(409, "DOCTYPE not allowed", XcapError.CONSTRAINT_FAILURE);
                case INVALID -> new XcapOutcome.Refused(409, refused.reason(), XcapError.SCHEMA_VALIDATION_ERROR);
                case TOO_LARGE -> tooLarge();
                case UNSUPPORTED -> new XcapOutcome.Refused(415, refused.reason());
            };
        }
    }

    /** Strict UTF-8, and no XML declaration naming another encoding (RFC 4825 section 8.2.5). */
    private static boolean isUtf8(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        Matcher declared = DECLARED_ENCODING.matcher(text.length() > 256 ? text.substring(0, 256) : text);
        return !declared.lookingAt() || declared.group(1).equalsIgnoreCase("UTF-8")
                || declared.group(1).equalsIgnoreCase("UTF8");
    }

    /** The type and subtype of a Content-Type value, in lower case, parameters left out. */
    private static String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private String newEtag() {
        byte[] tag = new byte[16];
        random.nextBytes(tag);
        return HexFormat.of().formatHex(tag);
    }

    private static XcapOutcome.Refused notFound() {
        return new XcapOutcome.Refused(404, "no such document");
    }

    private static XcapOutcome.Refused preconditionFailed() {
        return new XcapOutcome.Refused(412, "the document's entity tag does not match the request's condition");
    }

    private static XcapOutcome.Refused tooLarge() {
        return new XcapOutcome.Refused(413, "a document weighs at most " + MAX_BYTES + " bytes");
    }
}
