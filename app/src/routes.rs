//! The route table. Every page is a lazy route: its code is a WebAssembly
//! chunk of its own, fetched when the page is first shown (and preloaded by
//! the server for the page it renders), so an applicant's phone never
//! downloads the designer or the cartable to sign up or track a request.

use leptos::prelude::*;
use leptos_router::{
    Lazy, LazyRoute, ParamSegment, SsrMode, StaticSegment,
    components::{Route, Routes},
    lazy_route,
};

use crate::pages::{
    accounts::{
        activate::ActivatePage, activate_email::ActivateEmailPage, change_password::ChangePasswordPage,
        forgot_password::ForgotPasswordPage, login::LoginPage, reset_password::ResetPasswordPage, sign_up::SignUpPage,
        two_factor::TwoFactorPage,
    },
    admin::{
        design::DesignPage,
        organisation::OrganisationPage,
        organisation_edit::{PostEditPage, UnitEditPage},
        staff::StaffAdminPage,
    },
    cartable::{CartablePage, case::CasePage},
    catalogue::{
        editor::{AdminPermitsPage, AdminServicesPage, PermitEditorPage, ServiceEditorPage},
        list::CataloguePage,
        permits::{PermitPage, PermitRegisterPage},
        service::ServicePage,
    },
    dev::messages::DevMessagesPage,
    home::HomePage,
    not_found::NotFound,
    notice::NoticePage,
    requests::{application::ApplicationPage, apply::ApplyPage},
    services::ServicesPage,
    tracking::{TrackPage, TrackResultPage},
};

/// A lazy route showing one page. The page has no route data of its own: it
/// starts its resources when it renders, as it did before the split.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        #[doc = concat!("The lazy route of [`", stringify!($page), "`].")]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    };
}

lazy_page!(HomeRoute, HomePage);
lazy_page!(CartableRoute, CartablePage);
lazy_page!(CaseRoute, CasePage);
lazy_page!(ApplicationRoute, ApplicationPage);
lazy_page!(ApplyRoute, ApplyPage);
lazy_page!(LoginRoute, LoginPage);
lazy_page!(SignUpRoute, SignUpPage);
lazy_page!(ServicesRoute, ServicesPage);
lazy_page!(CatalogueRoute, CataloguePage);
lazy_page!(ServiceRoute, ServicePage);
lazy_page!(PermitRegisterRoute, PermitRegisterPage);
lazy_page!(PermitRoute, PermitPage);
lazy_page!(OrganisationRoute, OrganisationPage);
lazy_page!(UnitEditRoute, UnitEditPage);
lazy_page!(PostEditRoute, PostEditPage);
lazy_page!(AdminServicesRoute, AdminServicesPage);
lazy_page!(ServiceEditorRoute, ServiceEditorPage);
lazy_page!(DesignRoute, DesignPage);
lazy_page!(AdminPermitsRoute, AdminPermitsPage);
lazy_page!(PermitEditorRoute, PermitEditorPage);
lazy_page!(TrackRoute, TrackPage);
lazy_page!(NoticeRoute, NoticePage);
lazy_page!(TrackResultRoute, TrackResultPage);
lazy_page!(ActivateRoute, ActivatePage);
lazy_page!(ActivateEmailRoute, ActivateEmailPage);
lazy_page!(ForgotPasswordRoute, ForgotPasswordPage);
lazy_page!(ResetPasswordRoute, ResetPasswordPage);
lazy_page!(DevMessagesRoute, DevMessagesPage);
lazy_page!(StaffAdminRoute, StaffAdminPage);
lazy_page!(TwoFactorRoute, TwoFactorPage);
lazy_page!(ChangePasswordRoute, ChangePasswordPage);

/// Every route of the desk. In-order streaming: the HTML arrives complete,
/// without any script to move late content into place, so every page works
/// with JavaScript off.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=StaticSegment("") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::InOrder />
            <Route path=StaticSegment("cartable") view={Lazy::<CartableRoute>::new()} ssr=SsrMode::InOrder />
            <Route
                path=(StaticSegment("cartable"), ParamSegment("id"))
                view={Lazy::<CaseRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("applications"), ParamSegment("id"))
                view={Lazy::<ApplicationRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("catalogue"), ParamSegment("id"), StaticSegment("apply"), ParamSegment("sub"))
                view={Lazy::<ApplyRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route path=StaticSegment("login") view={Lazy::<LoginRoute>::new()} ssr=SsrMode::InOrder />
            <Route path=StaticSegment("signup") view={Lazy::<SignUpRoute>::new()} ssr=SsrMode::InOrder />
            <Route path=StaticSegment("services") view={Lazy::<ServicesRoute>::new()} ssr=SsrMode::InOrder />
            <Route path=StaticSegment("catalogue") view={Lazy::<CatalogueRoute>::new()} ssr=SsrMode::InOrder />
            <Route
                path=(StaticSegment("catalogue"), ParamSegment("id"))
                view={Lazy::<ServiceRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route path=StaticSegment("permits") view={Lazy::<PermitRegisterRoute>::new()} ssr=SsrMode::InOrder />
            <Route
                path=(StaticSegment("permits"), ParamSegment("id"))
                view={Lazy::<PermitRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("organisation"))
                view={Lazy::<OrganisationRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("organisation"), StaticSegment("units"), ParamSegment("id"))
                view={Lazy::<UnitEditRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("organisation"), StaticSegment("posts"), ParamSegment("id"))
                view={Lazy::<PostEditRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("services"))
                view={Lazy::<AdminServicesRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("services"), ParamSegment("id"))
                view={Lazy::<ServiceEditorRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("services"), ParamSegment("id"), StaticSegment("forms"), ParamSegment("sub"))
                view={Lazy::<DesignRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("permits"))
                view={Lazy::<AdminPermitsRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("permits"), ParamSegment("id"))
                view={Lazy::<PermitEditorRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route path=StaticSegment("track") view={Lazy::<TrackRoute>::new()} ssr=SsrMode::InOrder />
            <Route
                path=(StaticSegment("notices"), ParamSegment("number"))
                view={Lazy::<NoticeRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("track"), ParamSegment("code"))
                view={Lazy::<TrackResultRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route path=StaticSegment("activate") view={Lazy::<ActivateRoute>::new()} ssr=SsrMode::InOrder />
            <Route
                path=(StaticSegment("activate"), StaticSegment("email"))
                view={Lazy::<ActivateEmailRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("password"), StaticSegment("forgot"))
                view={Lazy::<ForgotPasswordRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("password"), StaticSegment("reset"))
                view={Lazy::<ResetPasswordRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("dev"), StaticSegment("messages"))
                view={Lazy::<DevMessagesRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("admin"), StaticSegment("staff"))
                view={Lazy::<StaffAdminRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("account"), StaticSegment("two-factor"))
                view={Lazy::<TwoFactorRoute>::new()}
                ssr=SsrMode::InOrder
            />
            <Route
                path=(StaticSegment("account"), StaticSegment("password"))
                view={Lazy::<ChangePasswordRoute>::new()}
                ssr=SsrMode::InOrder
            />
        </Routes>
    }
}
