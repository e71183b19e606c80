package id.satupintu.pipeline.generate;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The simulated residents of one kabupaten, in parallel arrays that grow as people are born or
 * arrive and households split. A person's index is their true person id and a household's index
 * its true household id; neither is ever reused. Households keep their member list; a person who
 * died or moved away keeps their record with a status, so rosters that still list them can be
 * traced. Built by {@link PopulationSimulator}, changed month by month by {@link PopulationEvolution}.
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

    /** Where a person is this month. */
    enum Status {
        PRESENT,
        DECEASED,
        MOVED_OUT;

        private static final Status[] VALUES = values();

        static Status of(byte ordinal) {
            return VALUES[ordinal];
        }
    }

    // Regions: desa/kelurahan of the kabupaten in code order, and their kecamatan in code order.
    final String[] villageCodes;
    final String[] villageNames;
    final boolean[] villageIsKelurahan;
    final int[] villageKecamatan;
    final String[] kecamatanCodes;
    final String[] kecamatanNames;

    private int households;
    private int persons;

    // Households.
    int[][] householdMembers;
    int[] householdVillage;
    long[] householdKk;
    byte[] householdDesil;
    short[] householdRt;
    short[] householdRw;
    String[] householdAlamat;
    String[] householdDusun;
    boolean[] householdDaya450;

    // Persons.
    int[] personHousehold;
    byte[] personRole;
    boolean[] personFemale;
    int[] personBirthEpochDay;
    long[] personNik;
    String[] personName;
    boolean[] personDisabled;
    byte[] personStatus;
    /** Epoch day of death or move-out; 0 while present. */
    int[] personLeftEpochDay;
    /** Epoch day a pregnancy is due; 0 when not pregnant. */
    int[] personDueEpochDay;

    Population(
            String[] villageCodes,
            String[] villageNames,
            boolean[] villageIsKelurahan,
            int[] villageKecamatan,
            String[] kecamatanCodes,
            String[] kecamatanNames,
            int householdCapacity,
            int personCapacity) {
        this.villageCodes = villageCodes;
        this.villageNames = villageNames;
        this.villageIsKelurahan = villageIsKelurahan;
        this.villageKecamatan = villageKecamatan;
        this.kecamatanCodes = kecamatanCodes;
        this.kecamatanNames = kecamatanNames;
        this.householdMembers = new int[householdCapacity][];
        this.householdVillage = new int[householdCapacity];
        this.householdKk = new long[householdCapacity];
        this.householdDesil = new byte[householdCapacity];
        this.householdRt = new short[householdCapacity];
        this.householdRw = new short[householdCapacity];
        this.householdAlamat = new String[householdCapacity];
        this.householdDusun = new String[householdCapacity];
        this.householdDaya450 = new boolean[householdCapacity];
        this.personHousehold = new int[personCapacity];
        this.personRole = new byte[personCapacity];
        this.personFemale = new boolean[personCapacity];
        this.personBirthEpochDay = new int[personCapacity];
        this.personNik = new long[personCapacity];
        this.personName = new String[personCapacity];
        this.personDisabled = new boolean[personCapacity];
        this.personStatus = new byte[personCapacity];
        this.personLeftEpochDay = new int[personCapacity];
        this.personDueEpochDay = new int[personCapacity];
    }

    int householdCount() {
        return households;
    }

    int personCount() {
        return persons;
    }

    /** A new household id with no members yet. */
    int addHousehold() {
        if (households == householdVillage.length) {
            int capacity = Math.max(16, households + (households >> 3));
            householdMembers = Arrays.copyOf(householdMembers, capacity);
            householdVillage = Arrays.copyOf(householdVillage, capacity);
            householdKk = Arrays.copyOf(householdKk, capacity);
            householdDesil = Arrays.copyOf(householdDesil, capacity);
            householdRt = Arrays.copyOf(householdRt, capacity);
            householdRw = Arrays.copyOf(householdRw, capacity);
            householdAlamat = Arrays.copyOf(householdAlamat, capacity);
            householdDusun = Arrays.copyOf(householdDusun, capacity);
            householdDaya450 = Arrays.copyOf(householdDaya450, capacity);
        }
        householdMembers[households] = new int[0];
        return households++;
    }

    /** A new person id, present, in no household yet. */
    int addPerson() {
        if (persons == personHousehold.length) {
            int capacity = Math.max(16, persons + (persons >> 3));
            personHousehold = Arrays.copyOf(personHousehold, capacity);
            personRole = Arrays.copyOf(personRole, capacity);
            personFemale = Arrays.copyOf(personFemale, capacity);
            personBirthEpochDay = Arrays.copyOf(personBirthEpochDay, capacity);
            personNik = Arrays.copyOf(personNik, capacity);
            personName = Arrays.copyOf(personName, capacity);
            personDisabled = Arrays.copyOf(personDisabled, capacity);
            personStatus = Arrays.copyOf(personStatus, capacity);
            personLeftEpochDay = Arrays.copyOf(personLeftEpochDay, capacity);
            personDueEpochDay = Arrays.copyOf(personDueEpochDay, capacity);
        }
        personHousehold[persons] = -1;
        return persons++;
    }

    /** Puts a person into a household's member list, in KK order (the head first). */
    void join(int household, int person, Role role) {
        int old = personHousehold[person];
        if (old >= 0) {
            leave(old, person);
        }
        personHousehold[person] = household;
        personRole[person] = (byte) role.ordinal();
        int[] members = householdMembers[household];
        int[] joined = Arrays.copyOf(members, members.length + 1);
        if (role == Role.HEAD) {
            System.arraycopy(members, 0, joined, 1, members.length);
            joined[0] = person;
        } else {
            joined[members.length] = person;
        }
        householdMembers[household] = joined;
    }

    /** Takes a person off a household's member list (death, move, marriage into a new KK). */
    void leave(int household, int person) {
        int[] members = householdMembers[household];
        int[] remaining = new int[members.length - 1];
        int next = 0;
        for (int member : members) {
            if (member != person) {
                remaining[next++] = member;
            }
        }
        householdMembers[household] = remaining;
    }

    int[] members(int household) {
        return householdMembers[household];
    }

    int size(int household) {
        return householdMembers[household].length;
    }

    /** The head, or -1 for a household nobody lives in any more. */
    int head(int household) {
        int[] members = householdMembers[household];
        return members.length == 0 ? -1 : members[0];
    }

    /** Whether anyone still lives in the household. */
    boolean isOccupied(int household) {
        return householdMembers[household].length > 0;
    }

    /** Who a family program lists: the mother (a female head or spouse) if there is one, else the head. */
    int pengurus(int household) {
        int[] members = householdMembers[household];
        if (members.length == 0) {
            return -1;
        }
        int head = members[0];
        if (personFemale[head]) {
            return head;
        }
        for (int member : members) {
            if (personRole[member] == Role.SPOUSE.ordinal() && personFemale[member]) {
                return member;
            }
        }
        return head;
    }

    Role role(int person) {
        return Role.of(personRole[person]);
    }

    Status status(int person) {
        return Status.of(personStatus[person]);
    }

    boolean isPresent(int person) {
        return personStatus[person] == Status.PRESENT.ordinal();
    }

    LocalDate birthDate(int person) {
        return LocalDate.ofEpochDay(personBirthEpochDay[person]);
    }

    boolean isPregnant(int person, LocalDate date) {
        return personDueEpochDay[person] > date.toEpochDay();
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
