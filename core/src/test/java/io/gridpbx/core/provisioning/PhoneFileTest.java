package io.gridpbx.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneFileTest {

    @Test
    void eachVendorsFileName_namesTheMacInLowerCase() {
        assertThat(PhoneFile.parse("cfg001565A1B2C3.xml")).contains(
                new PhoneFile.ForMac("cfg001565A1B2C3.xml", "001565a1b2c3", List.of(PhoneVendor.GRANDSTREAM)));
        assertThat(PhoneFile.parse("spa001565a1b2c3.xml")).get()
                .extracting(f -> ((PhoneFile.ForMac) f).candidates()).isEqualTo(List.of(PhoneVendor.CISCO));
        assertThat(PhoneFile.parse("0004f2a1b2c3-phone.cfg")).get()
                .extracting(f -> ((PhoneFile.ForMac) f).candidates()).isEqualTo(List.of(PhoneVendor.POLYCOM));
        assertThat(PhoneFile.parse("805ec0a1b2c3.cfg")).get()
                .extracting(f -> ((PhoneFile.ForMac) f).candidates())
                .isEqualTo(List.of(PhoneVendor.YEALINK, PhoneVendor.POLYCOM));
        assertThat(PhoneFile.parse("000413a1b2c3.xml")).get()
                .extracting(f -> ((PhoneFile.ForMac) f).candidates())
                .isEqualTo(List.of(PhoneVendor.CISCO, PhoneVendor.SNOM));
    }

    @Test
    void commonFiles_areTheVendorsNotAPhones() {
        assertThat(PhoneFile.parse("y000000000000.cfg")).contains(
                new PhoneFile.Common("y000000000000.cfg", PhoneVendor.YEALINK));
        assertThat(PhoneFile.parse("000000000000.cfg")).contains(
                new PhoneFile.Common("000000000000.cfg", PhoneVendor.POLYCOM));
    }

    @Test
    void malformedOrHostileNames_areNoFile() {
        assertThat(PhoneFile.parse("805ec0a1b2c.cfg")).isEmpty();
        assertThat(PhoneFile.parse("805ec0a1b2cg.cfg")).isEmpty();
        assertThat(PhoneFile.parse("../805ec0a1b2c3.cfg")).isEmpty();
        assertThat(PhoneFile.parse("805ec0a1b2c3.cfg/../../etc/passwd")).isEmpty();
        assertThat(PhoneFile.parse("x".repeat(10_000))).isEmpty();
        assertThat(PhoneFile.parse("")).isEmpty();
        assertThat(PhoneFile.parse("805ec0a1b2c3.cfg\n")).isEmpty();
    }
}
