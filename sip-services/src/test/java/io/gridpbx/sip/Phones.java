package io.gridpbx.sip;

import static io.gridpbx.sip.LoopbackNode.OFFICE;

/** The SIPp phones of the Office demo client (password {@code pass<extension>}) against a loopback node. */
final class Phones {

    private Phones() {
    }

    /** Registers {@code user} with this Contact, for 600 s, and checks that it was accepted. */
    static void register(int nodePort, String user, int sippPort, String contact) {
        Sipp.scenario("register.xml", sippPort).named("register-" + user).to(nodePort)
                .service(user).credentials(user, "pass" + user)
                .key("domain", OFFICE).key("contact", contact).key("expires", "600")
                .run().assertPassed();
    }

    /** Runs a caller scenario from {@code caller} to {@code callee} (an extension or a number). */
    static Sipp.Result call(int nodePort, String scenario, String caller, String callee, int sippPort) {
        return Sipp.scenario(scenario, sippPort).to(nodePort).service(callee).credentials(caller, "pass" + caller)
                .key("domain", OFFICE).key("caller", caller)
                .run();
    }
}
