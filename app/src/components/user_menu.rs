use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

use crate::i18n::{t, use_i18n};
use crate::serverfns::accounts::{Logout, current_user};

/// The last item of the main menu: "log in" for visitors; the person's
/// name and "log out" once signed in.
/// It asks again on every navigation, so signing in or out shows at once.
#[component]
pub fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let logout = ServerAction::<Logout>::new();
    let viewer = Resource::new(
        move || (location.pathname.get(), logout.version().get()),
        |_| current_user(),
    );
    view! {
        <Transition fallback=|| ()>
            {move || {
                viewer.get().map(|answer| match answer.ok().flatten() {
                    Some(v) => view! {
                        {(!v.is_staff).then(|| if v.needs_identity {
                            // A server redirect finds the applicant's request, so the
                            // router must not treat it as one of its pages.
                            view! { <li><a href="/identity" rel="external">{t!(i18n, nav_identity)}</a></li> }.into_any()
                        } else {
                            view! { <li><A href="/services">{t!(i18n, nav_services)}</A></li> }.into_any()
                        })}
                        {v.is_admin.then(|| view! {
                            <li><A href="/admin/staff">{t!(i18n, nav_admin_staff)}</A></li>
                            <li><A href="/admin/services">{t!(i18n, nav_admin_services)}</A></li>
                            <li><A href="/admin/permits">{t!(i18n, nav_admin_permits)}</A></li>
                            <li><A href="/admin/organisation">{t!(i18n, nav_admin_organisation)}</A></li>
                        })}
                        <li class="user-menu">
                            <span class="user-menu__name">{v.display_name}</span>
                            <span class="user-menu__role">{v.role_title}</span>
                            <ActionForm action=logout>
                                <button type="submit" class="button button--link">{t!(i18n, nav_logout)}</button>
                            </ActionForm>
                        </li>
                    }
                    .into_any(),
                    None => view! { <li><A href="/login">{t!(i18n, nav_login)}</A></li> }.into_any(),
                })
            }}
        </Transition>
    }
}
