package io.gridpbx.core.presence.xcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.body.Entry;
import io.gridpbx.core.presence.body.ResourceLists;
import io.gridpbx.core.presence.body.RlsServices;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class XcapDocumentsTest {

    private static final AddressOfRecord ALICE = AddressOfRecord.parse("alice@office.example");
    private static final AddressOfRecord BOB = AddressOfRecord.parse("bob@office.example");
    private static final AddressOfRecord MALLORY = AddressOfRecord.parse("mallory@other.example");
    private static final XcapUri LISTS = new XcapUri(Auid.RESOURCE_LISTS, ALICE, "index");
    private static final XcapUri SERVICES = new XcapUri(Auid.RLS_SERVICES, ALICE, "index");
    private static final String LISTS_TYPE = ResourceLists.CONTENT_TYPE;
    private static final byte[] FRIENDS = xml("""
            <?xml version="1.0" encoding="UTF-8"?>
            <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
              <list name="friends"><entry uri="sip:bob@office.example"/><entry uri="sip:carol@office.example"/></list>
            </resource-lists>""");

    private final InMemoryXcapStore store = new InMemoryXcapStore();
    private final XcapDocuments documents = new XcapDocuments(store, new SplittableRandom(7));

    @Test
    void aPutCreatesThenReplaces_eachWithANewTag_andAGetGivesBackTheSameBytes() {
        XcapOutcome.Stored created = (XcapOutcome.Stored) documents.put(ALICE, LISTS, LISTS_TYPE, FRIENDS,
                XcapPrecondition.NONE);
        XcapOutcome.Stored replaced = (XcapOutcome.Stored) documents.put(ALICE, LISTS,
                LISTS_TYPE + "; charset=UTF-8", FRIENDS, XcapPrecondition.ifMatch(created.etag()));

        assertThat(created.created()).isTrue();
        assertThat(replaced.created()).isFalse();
        assertThat(replaced.etag()).isNotEqualTo(created.etag());
        XcapOutcome.Found found = (XcapOutcome.Found) documents.get(ALICE, LISTS, XcapPrecondition.NONE);
        assertThat(found.document().bytes()).isEqualTo(FRIENDS);
        assertThat(found.document().etag()).isEqualTo(replaced.etag());
    }

    @Test
    void conditionalRequests_failWith412_orAre304() {
        String etag = ((XcapOutcome.Stored) documents.put(ALICE, LISTS, LISTS_TYPE, FRIENDS, XcapPrecondition.NONE))
                .etag();

        assertStatus(documents.put(ALICE, LISTS, LISTS_TYPE, FRIENDS, XcapPrecondition.ifMatch("stale")), 412);
        assertStatus(documents.put(ALICE, LISTS, LISTS_TYPE, FRIENDS, XcapPrecondition.ifAbsent()), 412);
        assertStatus(documents.put(ALICE, new XcapUri(Auid.RESOURCE_LISTS, ALICE, "other"), LISTS_TYPE, FRIENDS,
                XcapPrecondition.of("*", null)), 412);
        assertStatus(documents.delete(ALICE, LISTS, XcapPrecondition.of("W/\"" + etag + "\"", null)), 412);
        assertThat(documents.get(ALICE, LISTS, XcapPrecondition.of(null, "\"x\", \"" + etag + "\"")))
                .isEqualTo(new XcapOutcome.NotModified(etag));
        assertThat(documents.get(ALICE, LISTS, XcapPrecondition.of(null, "*")))
                .isEqualTo(new XcapOutcome.NotModified(etag));
        assertStatus(documents.get(ALICE, LISTS, XcapPrecondition.of("\"stale\"", null)), 412);
        assertThat(documents.get(ALICE, LISTS, XcapPrecondition.of("\"" + etag + "\"", "\"x\"")))
                .isInstanceOf(XcapOutcome.Found.class);
    }

    @Test
    void aDeleteWithTheRightTag_removesIt_andASecondIs404() {
        String etag = ((XcapOutcome.Stored) documents.put(ALICE, LISTS, LISTS_TYPE, FRIENDS, XcapPrecondition.NONE))
                .etag();

        assertThat(documents.delete(ALICE, LISTS, XcapPrecondition.ifMatch(etag))).isEqualTo(new XcapOutcome.Deleted());
        assertStatus(documents.delete(ALICE, LISTS, XcapPrecondition.NONE), 404);
        assertStatus(documents.delete(ALICE, LISTS, XcapPrecondition.ifMatch(etag)), 404);
        assertStatus(documents.get(ALICE, LISTS, XcapPrecondition.NONE), 404);
    }

    @Test
    void anotherUserOfTheDomain_is403_andAUserOfAnotherDomainCannotTellWhetherItExists() {
        documents.put(ALICE, LISTS, LISTS_TYPE, FRIENDS, XcapPrecondition.NONE);

        assertStatus(documents.get(BOB, LISTS, XcapPrecondition.NONE), 403);
        assertStatus(documents.put(BOB, LISTS, LISTS_TYPE, FRIENDS, XcapPrecondition.NONE), 403);
        assertStatus(documents.delete(BOB, LISTS, XcapPrecondition.NONE), 403);
        XcapOutcome existing = documents.get(MALLORY, LISTS, XcapPrecondition.NONE);
        XcapOutcome missing = documents.get(MALLORY, SERVICES, XcapPrecondition.NONE);
        assertThat(existing).isEqualTo(missing);
        assertStatus(existing, 404);
        assertStatus(documents.delete(MALLORY, LISTS, XcapPrecondition.NONE), 404);
        assertThat(store.find(LISTS)).isPresent();
    }

    @Test
    void aBodyOfTheWrongType_is415_andAnOversizeOne413() {
        assertStatus(documents.put(ALICE, LISTS, RlsServices.CONTENT_TYPE, FRIENDS, XcapPrecondition.NONE), 415);
        assertStatus(documents.put(ALICE, LISTS, null, FRIENDS, XcapPrecondition.NONE), 415);
        assertStatus(documents.put(ALICE, LISTS, LISTS_TYPE, new byte[XcapDocuments.MAX_BYTES + 1],
                XcapPrecondition.NONE), 413);
        assertThat(store.find(LISTS)).isEmpty();
    }

    @Test
    void whatIsNotAValidDocument_is409_namingTheXcapErrorCondition() {
        assertConflict(xml("<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list"),
                XcapError.NOT_WELL_FORMED);
        assertConflict(xml("not xml at all"), XcapError.NOT_WELL_FORMED);
        assertConflict(xml("<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list/></resource-lists>"),
                XcapError.SCHEMA_VALIDATION_ERROR);
        assertConflict(xml("<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\"/>"),
                XcapError.SCHEMA_VALIDATION_ERROR);
        assertConflict(new byte[] {'<', 'a', (byte) 0xC3, '/', '>'}, XcapError.NOT_UTF_8);
        assertConflict(xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"/>"), XcapError.NOT_UTF_8);
        assertThat(store.find(LISTS)).isEmpty();
    }

    @Test
    void anEntityExpansionBomb_is409_refusedBeforeAnythingIsExpanded() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        bomb.append("]><resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"&lol9;\"/>")
                .append("</resource-lists>");

        long start = System.nanoTime();
        XcapOutcome outcome = documents.put(ALICE, LISTS, LISTS_TYPE, xml(bomb.toString()), XcapPrecondition.NONE);

        assertThat(outcome).isEqualTo(new XcapOutcome.Refused(409, "DOCTYPE not allowed", XcapError.CONSTRAINT_FAILURE));
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(new String(((XcapOutcome.Refused) outcome).body(), StandardCharsets.UTF_8))
                .contains("<xcap-error xmlns=\"urn:ietf:params:xml:ns:xcap-error\">",
                        "<constraint-failure phrase=\"DOCTYPE not allowed\"/>");
    }

    @Test
    void listUris_resolveInlineListsAndReferencesToTheUsersOwnLists() {
        documents.put(ALICE, LISTS, LISTS_TYPE, FRIENDS, XcapPrecondition.NONE);
        documents.put(ALICE, SERVICES, RlsServices.CONTENT_TYPE, xml("""
                <rls-services xmlns="urn:ietf:params:xml:ns:rls-services"
                              xmlns:rl="urn:ietf:params:xml:ns:resource-lists">
                  <service uri="sip:alice-team@office.example">
                    <list><rl:entry uri="sip:dave@office.example"/></list>
                    <packages><package>presence</package></packages>
                  </service>
                  <service uri="sip:alice-friends@office.example">
                    <resource-list>http://xcap.office.example/xcap/resource-lists/users/sip:alice@office.example/index/~~/resource-lists/list%5B@name=%22friends%22%5D</resource-list>
                  </service>
                  <service uri="sip:alice-gone@office.example">
                    <resource-list>/xcap/resource-lists/users/sip%3Aalice%40office.example/index/~~/resource-lists/list[@name='gone']</resource-list>
                  </service>
                  <service uri="sip:alice-borrowed@office.example">
                    <resource-list>/xcap/resource-lists/users/sip:bob@office.example/index/~~/resource-lists/list[@name="friends"]</resource-list>
                  </service>
                </rls-services>"""), XcapPrecondition.NONE);

        assertThat(documents.listUris(ALICE)).containsExactly(
                new ResolvedService("sip:alice-team@office.example", List.of(new Entry("sip:dave@office.example", null)),
                        List.of("presence")),
                new ResolvedService("sip:alice-friends@office.example", List.of(
                        new Entry("sip:bob@office.example", null), new Entry("sip:carol@office.example", null)),
                        List.of()),
                new ResolvedService("sip:alice-gone@office.example", List.of(), List.of()),
                new ResolvedService("sip:alice-borrowed@office.example", List.of(), List.of()));
        assertThat(documents.listUris(BOB)).isEmpty();
    }

    @Test
    void referencedList_acceptsOnlyTheOwnersIndexAndAListByName() {
        assertThat(XcapDocuments.referencedList(
                "/xcap/resource-lists/users/sip:alice@office.example/index/~~/resource-lists/list[@name=\"a b\"]", ALICE))
                .contains("a b");
        assertThat(XcapDocuments.referencedList(
                "/xcap/resource-lists/users/sip:alice@office.example/other/~~/resource-lists/list[@name=\"a\"]", ALICE))
                .isEmpty();
        assertThat(XcapDocuments.referencedList(
                "/xcap/resource-lists/users/sip:alice@office.example/index/~~/resource-lists/list[1]", ALICE)).isEmpty();
        assertThat(XcapDocuments.referencedList("/xcap/resource-lists/users/sip:alice@office.example/index", ALICE))
                .isEmpty();
    }

    private void assertConflict(byte[] body, XcapError error) {
        XcapOutcome outcome = documents.put(ALICE, LISTS, LISTS_TYPE, body, XcapPrecondition.NONE);
        assertThat(outcome).isInstanceOfSatisfying(XcapOutcome.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.error()).as(refused.reason()).isEqualTo(error);
            assertThat(refused.contentType()).isEqualTo("application/xcap-error+xml");
        });
    }

    private static void assertStatus(XcapOutcome outcome, int status) {
        assertThat(outcome).isInstanceOfSatisfying(XcapOutcome.Refused.class,
                refused -> assertThat(refused.status()).as(refused.reason()).isEqualTo(status));
    }

    private static byte[] xml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
