package io.vixlab.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Evaluates NetworkPolicies the way the API defines them: a pod is isolated in a direction when a
 * policy of that type selects it, and then a connection is allowed when some selecting policy has a
 * rule whose peer and port match. Label selectors with matchLabels and matchExpressions; ipBlocks
 * by address (CIDR and its exceptions), which this check applies to pods' addresses too.
 */
final class NetworkPolicies {

    /**
     * Something that connects or is connected to: a pod (its namespace's labels, its own labels and an
     * address in the pod network), or an address that is no pod (namespace and pod labels empty).
     */
    record Endpoint(Map<String, String> namespaceLabels, Map<String, String> podLabels, String ip) {

        /** Pods get addresses of a typical pod network, 10.244.0.0/16. */
        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(Map.of("kubernetes.io/metadata.name", namespace), labels, "10.244.1.10");
        }

        /** An address on the internet. */
        static Endpoint internet() {
            return address("203.0.113.10");
        }

        /** The Kubernetes API server's Service address (a private address that is no pod). */
        static Endpoint kubernetesApi() {
            return address("10.96.0.1");
        }

        /** NodeLocal DNSCache's link-local address on every node. */
        static Endpoint nodeLocalDns() {
            return address("169.254.20.10");
        }

        static Endpoint address(String ip) {
            return new Endpoint(Map.of(), Map.of(), ip);
        }

        boolean isPod() {
            return !namespaceLabels.isEmpty();
        }

        boolean inNamespace(String namespace) {
            return namespace.equals(namespaceLabels.get("kubernetes.io/metadata.name"));
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
        return selecting.stream().flatMap(p -> p.getSpec().getIngress() == null ? Stream.empty()
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
        return selecting.stream().flatMap(p -> p.getSpec().getEgress() == null ? Stream.empty()
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
            return inBlock(peer.getIpBlock(), other.ip());
        }
        if (!other.isPod()) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? other.inNamespace(namespace)
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.podLabels());
        return namespaceOk && podOk;
    }

    private static boolean inBlock(IPBlock block, String ip) {
        return inCidr(block.getCidr(), ip)
                && (block.getExcept() == null || block.getExcept().stream().noneMatch(except -> inCidr(except, ip)));
    }

    /** IPv4 only: the manifests' blocks and the endpoints' addresses are IPv4. */
    static boolean inCidr(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(parts[0]) & mask) == (ipv4(ip) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
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
        Map<String, String> want = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return want.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && expressions.stream().allMatch(e -> matches(e, labels));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("unknown label selector operator " + requirement.getOperator());
        };
    }
}
