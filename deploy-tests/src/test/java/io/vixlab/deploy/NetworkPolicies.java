package io.vixlab.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Evaluates NetworkPolicies the way the API defines them, for the selectors deploy/k8s uses
 * (matchLabels only): a pod is isolated in a direction when a policy of that type selects it, and
 * then a connection is allowed when some selecting policy has a rule whose peer and port match.
 */
final class NetworkPolicies {

    /** A pod: its namespace's labels and its own; or, with {@code external}, an address outside the cluster. */
    record Endpoint(Map<String, String> namespaceLabels, Map<String, String> podLabels, boolean external) {
        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(Map.of("kubernetes.io/metadata.name", namespace), labels, false);
        }

        static Endpoint internet() {
            return new Endpoint(Map.of(), Map.of(), true);
        }

        /** The Kubernetes API server: an address in the private ranges that is no pod. */
        static Endpoint kubernetesApi() {
            return new Endpoint(Map.of(), Map.of(), false);
        }

        boolean isKubernetesApi() {
            return !external && namespaceLabels.isEmpty() && podLabels.isEmpty();
        }

        boolean inNamespace(String namespace) {
            return !external && namespace.equals(namespaceLabels.get("kubernetes.io/metadata.name"));
        }
    }

    private final List<NetworkPolicy> policies;
    private final String namespace;

    NetworkPolicies(List<NetworkPolicy> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return egressAllowed(from, to, port) && ingressAllowed(from, to, port);
    }

    boolean ingressAllowed(Endpoint from, Endpoint to, int port) {
        if (!to.inNamespace(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), port));
    }

    boolean egressAllowed(Endpoint from, Endpoint to, int port) {
        if (!from.inNamespace(namespace)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty()
                        : p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), port));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String type) {
        return policies.stream()
                .filter(p -> types(p).contains(type))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.podLabels()))
                .toList();
    }

    private static List<String> types(NetworkPolicy p) {
        List<String> types = p.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, other));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Endpoint other) {
        if (peer.getIpBlock() != null) {
            // The rules use ipBlock for the internet (0.0.0.0/0) and for the API server (private
            // ranges, where pods lie too: so no pod may be reached on the API server's ports).
            String cidr = peer.getIpBlock().getCidr();
            return "0.0.0.0/0".equals(cidr) ? other.external() : other.isKubernetesApi() || !other.external();
        }
        if (other.external()) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? other.inNamespace(namespace)
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.podLabels());
        return namespaceOk && podOk;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> p.getPort() == null
                || (p.getPort().getIntVal() != null && p.getPort().getIntVal() == port && p.getEndPort() == null)
                || (p.getPort().getIntVal() != null && p.getEndPort() != null
                        && p.getPort().getIntVal() <= port && port <= p.getEndPort()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not evaluated by this test: use matchLabels");
        }
        Map<String, String> want = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return want.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
