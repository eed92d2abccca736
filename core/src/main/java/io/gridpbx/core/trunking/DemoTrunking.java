package io.gridpbx.core.trunking;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.tenancy.DemoTenants;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The demo trunking the README documents: two carriers, the platform's routes to them (the usual
 * North American and UK patterns; international calls shared 70/30 between the carriers), and DIDs
 * 15145550100-0149 handed down to the demo reseller, its Office client and extension 202.
 */
public final class DemoTrunking {

    private DemoTrunking() {
    }

    public static void create(GatewayAdmin gateways, RouteAdmin routes, DidAdmin dids) {
        Scope platform = Scope.platform(DemoTenants.PLATFORM_DOMAIN);
        String a = gateways.create(platform, new GatewayForm("Carrier A", "sip.carrier-a.example", "5060", "UDP",
                "gridpbx", "demo-carrier-secret", "0", null, true)).id();
        String b = gateways.create(platform, new GatewayForm("Carrier B", "sip.carrier-b.example", "5061", "TLS",
                null, null, "0", null, true)).id();
        routes.create(platform, new RouteForm("Toll free", "\\+?1(800|833|844|855|866|877|888)[0-9]{7}", "10", List.of(b, a)));
        routes.create(platform, new RouteForm("US and Canada", "\\+?1[2-9][0-9]{2}[2-9][0-9]{6}", "20", List.of(a, b)));
        routes.create(platform, new RouteForm("UK", "(\\+|011)44[0-9]{9,10}", "30", List.of(b)));
        routes.create(platform, new RouteForm("International", "(\\+|011)[2-9][0-9]{6,14}", "90", List.of(a, b),
                List.of("70", "30")));
        dids.addRange(platform, "15145550100", "50");
        dids.assign(platform, numbers(100, 10), "demo.gridpbx.test");
        dids.assign(platform, numbers(110, 5), "other.gridpbx.test");
        dids.assign(Scope.reseller("demo.gridpbx.test"), numbers(100, 3), "office.demo.gridpbx.test");
        dids.route(Scope.client("office.demo.gridpbx.test"), "15145550100", "202");
    }

    private static List<String> numbers(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> "15145550" + i).toList();
    }
}
