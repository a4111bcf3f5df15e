use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{demo_banner::DemoBanner, language_switch::LanguageSwitch, user_menu::UserMenu};
use crate::i18n::{t, t_string, use_i18n};

/// The header every page shares: the seed's two fixed menus ("home" and
/// "cartable"), the signed-in person or a way to sign in, and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <DemoBanner />
        <header class="site-header">
            <A href="/" attr:class="brand">
                <img src="/icons/logo.svg" alt="" width="32" height="32" />
                <span>{t!(i18n, app_name)}</span>
            </A>
            <nav class="main-nav" aria-label=move || t_string!(i18n, nav_label)>
                <ul>
                    <li><A href="/" exact=true>{t!(i18n, nav_home)}</A></li>
                    <li><A href="/catalogue">{t!(i18n, nav_catalogue)}</A></li>
                    <li><A href="/cartable">{t!(i18n, nav_cartable)}</A></li>
                    <UserMenu />
                </ul>
            </nav>
            <LanguageSwitch />
        </header>
    }
}
