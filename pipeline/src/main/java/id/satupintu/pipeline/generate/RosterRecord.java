package id.satupintu.pipeline.generate;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One roster row as it will be written: the true unit and person behind it, and the values as the
 * office typed them, faults included. Reused from row to row by the generator (one per roster file
 * being written), so it is mutable and never leaves this package.
 */
final class RosterRecord {
    YearMonth period;
    long sequence;
    int household;
    int person;
    int faults;

    /** The NIK as text, or null for an empty cell. */
    String nik;
    /** The NIK as a spreadsheet or JSON number (Excel damage); null when it is text. */
    Double nikNumber;

    long noKk;
    String name;
    boolean female;
    LocalDate birthDate;
    int village;
    /** A desa code to write instead of the true one (a wrong code); null for the true one. */
    String villageCodeOverride;
    /** Write the desa name in its 2022 spelling. */
    boolean outdatedVillageName;

    long amount;
    PkhBenefit.Entitlement pkh;
    String nokaJkn;
    String idpel;
    String idArt;
    int kwh;

    void reset() {
        faults = 0;
        nik = null;
        nikNumber = null;
        villageCodeOverride = null;
        outdatedVillageName = false;
        pkh = null;
        nokaJkn = null;
        idpel = null;
        idArt = null;
        amount = 0;
        kwh = 0;
    }

    boolean has(FaultKind fault) {
        return (faults & fault.bit()) != 0;
    }

    void add(FaultKind fault) {
        faults |= fault.bit();
    }
}
