"""The help numbers now live in help lines (0007 copied them there)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pages", "0007_help_lines_from_site_settings")]

    operations = [
        migrations.RemoveField(
            model_name='sitesettings',
            name='emergency_number',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='missing_children_display',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='missing_children_number',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='phone_display',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='phone_number',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='trafficking_hotline_display',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='trafficking_hotline_number',
        ),
        migrations.RemoveField(
            model_name='sitesettings',
            name='trafficking_hotline_text',
        ),
    ]
