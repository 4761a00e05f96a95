from django.urls import path

from . import safe_views, taint_views, views

app_name = "shop"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("orders/", views.order_lookup, name="order-lookup"),
    path("ping/", views.ping_host, name="ping"),
    path("prefs/", views.load_preferences, name="prefs"),
    path("import/", views.import_catalogue, name="import"),
    path("profile/<int:user_id>/", views.profile, name="profile"),
    path("upload/", views.upload_document, name="upload"),
    path("register/", views.register, name="register"),
    path("reset/", views.password_reset_token, name="reset"),
    path("preview/", views.link_preview, name="preview"),
    path("report/", views.export_report, name="report"),
    path("admin-stats/", views.admin_stats, name="admin-stats"),
    path("calc/", views.calculator, name="calc"),
    path("go/", views.go, name="go"),
    path("debug/settings/", views.debug_dump, name="debug-dump"),
    path("password/", views.change_password, name="change-password"),
    path("customers/", views.customer_lookup, name="customer-lookup"),
    path("currency/", views.set_currency, name="currency"),
    # Safe counterparts
    path("safe/search/", safe_views.search, name="safe-search"),
    path("safe/ping/", safe_views.ping_host, name="safe-ping"),
    path("safe/import/", safe_views.import_catalogue, name="safe-import"),
    path("safe/upload/", safe_views.upload_document, name="safe-upload"),
    path("safe/preview/", safe_views.link_preview, name="safe-preview"),
    path("safe/password/", views.safe_change_password, name="safe-change-password"),
    path("safe/customers/", views.safe_customer_lookup, name="safe-customer-lookup"),
    path("safe/currency/", views.safe_set_currency, name="safe-currency"),
    # Taint flows (taint_views.py), each followed by its safe twin
    path("orders/<str:reference>/status/", taint_views.order_status, name="order-status"),
    path("safe/orders/<int:order_id>/status/", taint_views.safe_order_status, name="safe-order-status"),
    path("reports/sales/", taint_views.sales_report, name="sales-report"),
    path("safe/reports/sales/", taint_views.safe_sales_report, name="safe-sales-report"),
    path("checkout/cancel/", taint_views.cancel_checkout, name="cancel-checkout"),
    path("safe/checkout/cancel/", taint_views.safe_cancel_checkout, name="safe-cancel-checkout"),
    path("invoice/", taint_views.invoice, name="invoice"),
    path("safe/invoice/", taint_views.safe_invoice, name="safe-invoice"),
    path("store/", taint_views.choose_store, name="choose-store"),
    path("safe/store/", taint_views.safe_choose_store, name="safe-choose-store"),
    path("directory/", taint_views.staff_directory, name="staff-directory"),
    path("safe/directory/", taint_views.safe_staff_directory, name="safe-staff-directory"),
]
