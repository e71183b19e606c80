package id.satupintu.pipeline.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.pipeline.linkage.PersonClustering.Constraint;
import id.satupintu.pipeline.linkage.PersonClustering.Link;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonClusteringTest {
    private final PersonClustering clustering = new PersonClustering(0.99);

    @Test
    void joinsLoneRecordsToAGroupThroughAnyMatchedPair() {
        long[] clusters = clustering.clusters(4, List.of(new Link(1, 2, 0.999), new Link(2, 3, 0.91)));

        assertThat(clusters).containsExactly(0, 1, 1, 1, 4);
    }

    @Test
    void doesNotChainTwoGroupsThroughOneWeakPair() {
        long[] clusters = clustering.clusters(
                6, List.of(new Link(1, 2, 0.999), new Link(2, 3, 0.95), new Link(4, 5, 0.999), new Link(3, 4, 0.92)));

        assertThat(clusters).containsExactly(0, 1, 1, 1, 4, 4, 6);
    }

    @Test
    void joinsTwoGroupsThroughTwoWeakPairs() {
        long[] clusters = clustering.clusters(
                6,
                List.of(
                        new Link(1, 2, 0.999),
                        new Link(2, 3, 0.95),
                        new Link(4, 5, 0.999),
                        new Link(3, 4, 0.92),
                        new Link(2, 5, 0.93)));

        assertThat(clusters).containsExactly(0, 1, 1, 1, 1, 1, 6);
    }

    @Test
    void joinsTwoGroupsThroughOneStrongPair() {
        long[] clusters =
                clustering.clusters(5, List.of(new Link(1, 2, 0.999), new Link(4, 5, 0.999), new Link(2, 5, 0.995)));

        assertThat(clusters).containsExactly(0, 1, 1, 3, 1, 1);
    }

    @Test
    void aDifferentPersonsDecisionKeepsTwoRecordsApartThroughAnExactPairAndThroughAChain() {
        PersonClustering decided =
                new PersonClustering(0.99, List.of(new Constraint(false, new long[] {1}, new long[] {3})));

        long[] clusters = decided.clusters(
                4, List.of(new Link(1, 3, 1.0), new Link(1, 2, 0.999), new Link(2, 3, 0.999), new Link(3, 4, 0.95)));

        // 1 and 3 never share a person: 2 goes with 1 (the first pair taken), 3 stays with 4
        assertThat(clusters[1]).isNotEqualTo(clusters[3]);
        assertThat(clusters).containsExactly(0, 1, 1, 3, 3);
    }

    @Test
    void aSamePersonDecisionJoinsRecordsNoPairJoins() {
        PersonClustering decided =
                new PersonClustering(0.99, List.of(new Constraint(true, new long[] {1, 2}, new long[] {4})));

        long[] clusters = decided.clusters(5, List.of(new Link(4, 5, 0.999)));

        assertThat(clusters).containsExactly(0, 1, 1, 3, 1, 1);
    }

    @Test
    void aSamePersonDecisionAgainstADifferentPersonsDecisionIsNotApplied() {
        PersonClustering decided = new PersonClustering(
                0.99,
                List.of(
                        new Constraint(false, new long[] {1}, new long[] {2}),
                        new Constraint(true, new long[] {1, 3}, new long[] {2})));

        long[] clusters = decided.clusters(3, List.of());

        assertThat(clusters).containsExactly(0, 1, 2, 3);
    }

    @Test
    void pairsOfEqualProbabilityAreTakenInRecordIdOrder() {
        // record 5 matches a record of each of two groups equally well: the pair with the smaller
        // record ids (2-5) is taken first and 5 joins {1, 2}; 3-5 then joins two groups, weakly, once
        long[] clusters = clustering.clusters(
                5, List.of(new Link(1, 2, 0.999), new Link(3, 4, 0.999), new Link(3, 5, 0.95), new Link(2, 5, 0.95)));

        assertThat(clusters).containsExactly(0, 1, 1, 3, 3, 1);
    }

    @Test
    void pairsOfferedWeakestFirstAreRefused() {
        PersonClustering.Components components = clustering.new Components(3);
        components.offer(1, 2, 0.95);

        assertThatThrownBy(() -> components.offer(2, 3, 0.999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matched pairs must come strongest first");
    }

    @Test
    void countsTheClustersAndTheRecordsInEach() {
        PersonClustering.Components components = clustering.new Components(6);
        components.offer(5, 6, 0.999);
        components.offer(2, 6, 0.999);
        components.offer(1, 3, 0.95);
        components.finish();

        assertThat(IntStream.rangeClosed(1, 6).map(components::clusterOf)).containsExactly(1, 2, 1, 4, 2, 2);
        assertThat(IntStream.rangeClosed(1, 6).map(components::sizeOf)).containsExactly(2, 3, 2, 1, 3, 3);
        assertThat(components.clusters()).isEqualTo(3);
        assertThatThrownBy(() -> components.offer(1, 4, 0.9)).isInstanceOf(IllegalStateException.class);
    }
}
