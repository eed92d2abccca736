package io.gridpbx.core.access;

import java.util.List;

/**
 * Who is acting: the signed-in account and the chain of levels it has "logged in as", its home
 * first. Every management call is made with {@link #scope()}, the last of the chain.
 */
public record Actor(String email, List<Scope> chain) {

    public Actor {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("an actor has at least its home scope");
        }
        chain = List.copyOf(chain);
    }

    public static Actor signedIn(Account account) {
        return new Actor(account.email(), List.of(account.home()));
    }

    /** An API token acts at its scope, with no chain above it. */
    public static Actor token(String label, Scope scope) {
        return new Actor(label, List.of(scope));
    }

    public Scope scope() {
        return chain.getLast();
    }

    public Scope home() {
        return chain.getFirst();
    }

    public boolean isImpersonating() {
        return chain.size() > 1;
    }

    Actor down(Scope target) {
        List<Scope> longer = new java.util.ArrayList<>(chain);
        longer.add(target);
        return new Actor(email, longer);
    }

    Actor upTo(int depth) {
        return new Actor(email, chain.subList(0, depth + 1));
    }
}
