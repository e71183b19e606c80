package id.satupintu.pipeline.generate;

import java.time.LocalDate;

/**
 * The simulated residents of one kabupaten, held in parallel arrays: households (one KK each) in
 * desa code order, and their members in KK order (head, spouse, children from the eldest, an elderly
 * parent). Built by {@link PopulationSimulator}; never changes afterwards.
 */
final class Population {
    /** Status hubungan dalam keluarga, simplified. */
    enum Role {
        HEAD,
        SPOUSE,
        CHILD,
        PARENT;

        private static final Role[] VALUES = values();

        static Role of(byte ordinal) {
            return VALUES[ordinal];
        }
    }

    // Regions: desa/kelurahan of the kabupaten in code order, and their kecamatan in code order.
    final String[] villageCodes;
    final boolean[] villageIsKelurahan;
    final int[] villageKecamatan;
    final String[] kecamatanCodes;

    // Households.
    final int[] householdFirstMember;
    final byte[] householdSize;
    final int[] householdVillage;
    final long[] householdKk;
    final byte[] householdDesil;
    final short[] householdRt;
    final short[] householdRw;
    final String[] householdAlamat;
    final String[] householdDusun;
    final boolean[] householdDaya450;

    // Persons.
    final int[] personHousehold;
    final byte[] personRole;
    final boolean[] personFemale;
    final int[] personBirthEpochDay;
    final long[] personNik;
    final String[] personName;

    Population(
            String[] villageCodes,
            boolean[] villageIsKelurahan,
            int[] villageKecamatan,
            String[] kecamatanCodes,
            int households,
            int persons) {
        this.villageCodes = villageCodes;
        this.villageIsKelurahan = villageIsKelurahan;
        this.villageKecamatan = villageKecamatan;
        this.kecamatanCodes = kecamatanCodes;
        this.householdFirstMember = new int[households];
        this.householdSize = new byte[households];
        this.householdVillage = new int[households];
        this.householdKk = new long[households];
        this.householdDesil = new byte[households];
        this.householdRt = new short[households];
        this.householdRw = new short[households];
        this.householdAlamat = new String[households];
        this.householdDusun = new String[households];
        this.householdDaya450 = new boolean[households];
        this.personHousehold = new int[persons];
        this.personRole = new byte[persons];
        this.personFemale = new boolean[persons];
        this.personBirthEpochDay = new int[persons];
        this.personNik = new long[persons];
        this.personName = new String[persons];
    }

    int householdCount() {
        return householdFirstMember.length;
    }

    int personCount() {
        return personHousehold.length;
    }

    int head(int household) {
        return householdFirstMember[household];
    }

    /** Who a family program lists: the mother (a female head or spouse) if there is one, else the head. */
    int pengurus(int household) {
        int head = householdFirstMember[household];
        if (personFemale[head]) {
            return head;
        }
        int second = head + 1;
        if (householdSize[household] > 1 && personRole[second] == Role.SPOUSE.ordinal() && personFemale[second]) {
            return second;
        }
        return head;
    }

    Role role(int person) {
        return Role.of(personRole[person]);
    }

    LocalDate birthDate(int person) {
        return LocalDate.ofEpochDay(personBirthEpochDay[person]);
    }

    /** Age in completed years on a date. */
    int age(int person, LocalDate date) {
        LocalDate birth = birthDate(person);
        int age = date.getYear() - birth.getYear();
        if (date.getMonthValue() < birth.getMonthValue()
                || (date.getMonthValue() == birth.getMonthValue() && date.getDayOfMonth() < birth.getDayOfMonth())) {
            age--;
        }
        return age;
    }

    String villageCode(int household) {
        return villageCodes[householdVillage[household]];
    }

    int kecamatan(int household) {
        return villageKecamatan[householdVillage[household]];
    }

    boolean inDesa(int household) {
        return !villageIsKelurahan[householdVillage[household]];
    }
}
