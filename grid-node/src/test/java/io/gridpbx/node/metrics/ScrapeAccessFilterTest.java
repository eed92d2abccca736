package io.gridpbx.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.security.AllowList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ScrapeAccessFilterTest {

    private static final AllowList PROMETHEUS = AllowList.parse(List.of("10.0.5.0/24"));

    @Test
    void loopback_scrapesWithoutAToken() throws Exception {
        ScrapeAccessFilter filter = new ScrapeAccessFilter(AllowList.EMPTY, null);
        assertThat(scrape(filter, "127.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(scrape(filter, "127.0.0.3", null).getStatus()).isEqualTo(200);
        assertThat(scrape(filter, "0:0:0:0:0:0:0:1", null).getStatus()).isEqualTo(200);
    }

    @Test
    void anotherAddress_withoutAConfiguredToken_isForbidden_andToldHowToOpenIt() throws Exception {
        MockHttpServletResponse response = scrape(new ScrapeAccessFilter(AllowList.EMPTY, null), "192.0.2.7",
                "Bearer anything");
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("gridpbx.metrics.allow-list", "gridpbx.metrics.token");
    }

    @Test
    void theAllowList_opensItToItsNetworksOnly() throws Exception {
        ScrapeAccessFilter filter = new ScrapeAccessFilter(PROMETHEUS, null);
        assertThat(scrape(filter, "10.0.5.20", null).getStatus()).isEqualTo(200);
        assertThat(scrape(filter, "10.0.6.20", null).getStatus()).isEqualTo(403);
    }

    @Test
    void theToken_opensItToAnyAddress_andAWrongOneIsAskedForTheRightOne() throws Exception {
        ScrapeAccessFilter filter = new ScrapeAccessFilter(AllowList.EMPTY, "s3cret-token");
        assertThat(scrape(filter, "198.51.100.4", "Bearer s3cret-token").getStatus()).isEqualTo(200);
        assertThat(scrape(filter, "198.51.100.4", "bearer s3cret-token").getStatus()).isEqualTo(200);
        MockHttpServletResponse wrong = scrape(filter, "198.51.100.4", "Bearer s3cret-tokem");
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(scrape(filter, "198.51.100.4", "Basic czNjcmV0LXRva2Vu").getStatus()).isEqualTo(401);
        assertThat(scrape(filter, "198.51.100.4", null).getStatus()).isEqualTo(401);
    }

    @Test
    void aForwardedHeader_doesNotMakeARemoteCallerLoopback() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr("203.0.113.9");
        request.addHeader("X-Forwarded-For", "127.0.0.1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ScrapeAccessFilter(AllowList.EMPTY, null).doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(403);
    }

    private static MockHttpServletResponse scrape(ScrapeAccessFilter filter, String peer, @Nullable String authorization)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(peer);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200);
        }
        return response;
    }
}
