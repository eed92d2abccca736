package io.gridpbx.core.presence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The live publications of one presentity, and the rules of RFC 3903 section 4 that change them:
 * a PUBLISH without SIP-If-Match and with a body creates a publication; with SIP-If-Match and no
 * body it refreshes the one with that tag; with both it replaces its state; with Expires 0 it
 * removes it. Each change gets a new entity tag (section 4.1). A tag that names no live publication
 * is 412 Conditional Request Failed. The presentity's state is the newest live publication's.
 *
 * <p>Pure: the entity tag and the time are given, so the grid's entry processor can apply the same
 * request again on a backup or after a retry and get the same result; a request whose new entity tag
 * is already a live publication's was applied before and is answered as it was.
 */
public record Publications(List<Publication> live) {

    public static final Publications NONE = new Publications(List.of());
    /** A presentity may keep this many publications (devices) at once; the oldest make way. */
    static final int MOST = 16;

    public Publications {
        live = List.copyOf(live);
    }

    /** The result of {@link #apply}: what to answer, and the publications after it. */
    public record Change(PublishOutcome outcome, Publications after) {
    }

    public Change apply(PublishRequest request, SubscriptionRules rules, String newEtag, long nowMillis) {
        List<Publication> current = livingAt(nowMillis);
        for (Publication made : current) {
            if (made.etag().equals(newEtag)) {
                // The same request again (a retransmission, a retry): it was applied; the same answer.
                int left = (int) Math.max(1, (made.expiresAtMillis() - nowMillis) / 1000);
                return new Change(new PublishOutcome.Published(newEtag, left), new Publications(current));
            }
        }
        SubscriptionRules.Expiry expiry = rules.expiry(request.expires());
        if (expiry instanceof SubscriptionRules.Expiry.TooBrief brief) {
            return new Change(new PublishOutcome.TooBrief(brief.minSeconds()), new Publications(current));
        }
        if (request.ifMatch() == null) {
            if (request.document() == null || expiry instanceof SubscriptionRules.Expiry.Ending) {
                return new Change(new PublishOutcome.Refused(400, "Initial PUBLISH Needs A Body"), new Publications(current));
            }
            int seconds = ((SubscriptionRules.Expiry.Granted) expiry).seconds();
            List<Publication> next = new ArrayList<>(current);
            next.add(Publication.of(newEtag, request.document(), nowMillis, nowMillis + seconds * 1000L));
            return new Change(new PublishOutcome.Published(newEtag, seconds), new Publications(newest(next)));
        }
        int index = indexOf(current, request.ifMatch());
        if (index < 0) {
            return new Change(new PublishOutcome.Refused(412, "Conditional Request Failed"), new Publications(current));
        }
        List<Publication> next = new ArrayList<>(current);
        if (expiry instanceof SubscriptionRules.Expiry.Ending) {
            next.remove(index);
            return new Change(new PublishOutcome.Removed(), new Publications(next));
        }
        int seconds = ((SubscriptionRules.Expiry.Granted) expiry).seconds();
        long expiresAt = nowMillis + seconds * 1000L;
        Publication old = next.get(index);
        next.set(index, request.document() == null
                ? old.refreshed(newEtag, expiresAt)
                : Publication.of(newEtag, request.document(), nowMillis, expiresAt));
        return new Change(new PublishOutcome.Published(newEtag, seconds), new Publications(next));
    }

    /** The newest live publication at {@code nowMillis}: the presentity's published state. */
    public Optional<Publication> current(long nowMillis) {
        return livingAt(nowMillis).stream().max(Comparator.comparingLong(Publication::publishedAtMillis));
    }

    /** When the last of them runs out (the grid entry's expiry); 0 when there is none. */
    public long lastExpiryMillis() {
        return live.stream().mapToLong(Publication::expiresAtMillis).max().orElse(0);
    }

    private List<Publication> livingAt(long nowMillis) {
        return live.stream().filter(p -> p.expiresAtMillis() > nowMillis).toList();
    }

    private static int indexOf(List<Publication> publications, String etag) {
        for (int i = 0; i < publications.size(); i++) {
            if (publications.get(i).etag().equals(etag)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Drops the oldest until {@link #MOST} are left; of two published in the same millisecond the
     * earlier in the list goes, so the one just published (last), which is answered 200, stays.
     */
    private static List<Publication> newest(List<Publication> publications) {
        List<Publication> kept = new ArrayList<>(publications);
        while (kept.size() > MOST) {
            int oldest = 0;
            for (int i = 1; i < kept.size(); i++) {
                if (kept.get(i).publishedAtMillis() < kept.get(oldest).publishedAtMillis()) {
                    oldest = i;
                }
            }
            kept.remove(oldest);
        }
        return kept;
    }
}
