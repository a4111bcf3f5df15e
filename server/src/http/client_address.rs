//! Tells server functions the caller's network address, for rate limits.
//!
//! Behind a load balancer the connection's peer is the balancer, so every
//! citizen would share one rate-limit key and one attacker could lock
//! everyone out. The balancers named in `MIZEKHEDMAT_TRUSTED_PROXIES` are
//! believed about `X-Forwarded-For`; nobody else is, or a client could
//! name any address it liked. An IPv6 client is keyed by its /64, the
//! block one subscriber is given, so rotating addresses inside it does not
//! buy fresh tries.

use std::net::{IpAddr, SocketAddr};

use app::contracts::session::ClientAddress;
use axum::{
    extract::{ConnectInfo, Request, State},
    http::HeaderMap,
    middleware::Next,
    response::Response,
};

use crate::networks::{Network, canonical};
use crate::state::AppState;

/// Copies the caller's address into the request as its rate-limit key.
pub async fn attach(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut request = request;
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let key = peer.map_or_else(
        || "unknown".to_owned(),
        |peer| rate_key(caller(peer, request.headers(), &state.config.trusted_proxies)),
    );
    request.extensions_mut().insert(ClientAddress(key));
    next.run(request).await
}

/// The first address, reading `X-Forwarded-For` from the nearest hop back,
/// that is not one of our own proxies; the peer itself when it is not one.
fn caller(peer: IpAddr, headers: &HeaderMap, trusted: &[Network]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect::<Vec<_>>();
    let mut nearest = peer;
    for hop in forwarded.iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            // A hop we cannot read: stop at the last one we could.
            return nearest;
        };
        if !is_trusted(ip) {
            return ip;
        }
        nearest = ip;
    }
    nearest
}

/// An IPv4 address as it is; an IPv6 address as its /64.
fn rate_key(ip: IpAddr) -> String {
    match canonical(ip) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    fn forwarded(value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", axum::http::HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn a_forwarded_address_counts_only_when_our_own_balancer_sent_it() {
        let balancers = [Network::parse("10.0.0.0/8").expect("block")];
        let spoofed = forwarded("203.0.113.9");
        assert_eq!(caller(ip("198.51.100.7"), &spoofed, &balancers), ip("198.51.100.7"));
        assert_eq!(caller(ip("10.1.2.3"), &spoofed, &balancers), ip("203.0.113.9"));
        // A client's own forged entry sits left of what our balancer added.
        let chained = forwarded("1.1.1.1, 203.0.113.9, 10.0.0.5");
        assert_eq!(caller(ip("10.1.2.3"), &chained, &balancers), ip("203.0.113.9"));
        assert_eq!(caller(ip("10.1.2.3"), &forwarded("junk"), &balancers), ip("10.1.2.3"));
        assert_eq!(
            caller(ip("10.1.2.3"), &spoofed, &[]),
            ip("10.1.2.3"),
            "no proxies configured"
        );
    }

    #[test]
    fn ipv6_callers_share_a_key_per_64_and_mapped_ipv4_is_ipv4() {
        assert_eq!(rate_key(ip("2001:db8:1:2::1")), rate_key(ip("2001:db8:1:2:ffff::9")));
        assert_ne!(rate_key(ip("2001:db8:1:2::1")), rate_key(ip("2001:db8:1:3::1")));
        assert_eq!(rate_key(ip("::ffff:192.0.2.1")), "192.0.2.1");
    }
}
