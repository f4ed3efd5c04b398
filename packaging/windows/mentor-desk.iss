; Inno Setup script: the Windows installer around the PyInstaller bundle (dist\mentor-desk).
; It cannot be built on the project's machines; docs/packaging.md, "Windows", has every step.
; From the repository root, on Windows, with Inno Setup 6.3 or later:
;
;   for /f %v in ('.venv\Scripts\python packaging\version.py') do set VERSION=%v
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=%VERSION% packaging\windows\mentor-desk.iss
;
; The version is given on the command line, from pyproject.toml through packaging\version.py;
; it is never typed in this file. The result is dist\mentor-desk-<version>-setup.exe.
;
; A per-user install: no administrator rights, files in %LOCALAPPDATA%\Programs\Mentor Desk,
; a Start-menu entry for this user, and an uninstaller that keeps the user's data (the
; encrypted store in %LOCALAPPDATA%\mentor-desk) unless the user says otherwise.

#ifndef AppVersion
  #error AppVersion is not given: run ISCC /DAppVersion=<output of packaging\version.py> (docs/packaging.md)
#endif
; VersionInfoVersion must be four numbers at most; a pre-release (0.2.0rc1) passes
; /DAppNumericVersion=0.2.0 as well.
#ifndef AppNumericVersion
  #define AppNumericVersion AppVersion
#endif
#ifndef AppPublisher
  #define AppPublisher "Mentor Desk"
#endif

#define AppName "Mentor Desk"
#define AppExeName "mentor-desk.exe"
; platformdirs.user_data_dir("mentor-desk", appauthor=False): where every profile lives
#define DataFolder "{localappdata}\mentor-desk"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\mentor-desk"

#if !FileExists(BundleDir + "\" + AppExeName)
  #error dist\mentor-desk\mentor-desk.exe is missing: build the PyInstaller bundle first (docs/packaging.md)
#endif

[Setup]
; The AppId names this program to Windows for updates and uninstalling: never change it.
AppId={{14B99619-EBA0-4619-BC0C-476BE8C90413}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppNumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Per user, no administrator rights: {autopf} is then %LOCALAPPDATA%\Programs and
; {autoprograms} this user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 and later
MinVersion=10.0.17763
WizardStyle=modern
OutputDir=..\..\dist
OutputBaseFilename=mentor-desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
; an update closes a running Mentor Desk first (it saves drafts as it goes)
CloseApplications=yes
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
#if FileExists(AddBackslash(SourcePath) + "mentor-desk.ico")
SetupIconFile=mentor-desk.ico
#endif
; Signed when ISCC is given a sign tool named "mentordesk" (docs/packaging.md):
;   ISCC /Smentordesk="signtool.exe sign /fd sha256 /tr <timestamp URL> /td sha256 /a $f" /DSign ...
#ifdef Sign
SignTool=mentordesk
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: no library of the previous version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "Case notes and plans for peer mentors"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

[Code]
// The uninstaller removes the program, never the user's data unless asked: interactively it
// asks (default No); a silent uninstall keeps the data unless given /DELETEDATA.
function DeleteDataOnCommandLine(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/DELETEDATA') = 0 then
      Result := True;
end;

function UserWantsDataDeleted(): Boolean;
begin
  Result := DeleteDataOnCommandLine();
  if (not Result) and (not UninstallSilent()) then
    Result := SuppressibleMsgBox(
      'Also delete the Mentor Desk data on this computer?' + #13#10#13#10 +
      'This removes the encrypted records kept here, including changes not yet synced ' +
      'with the partnership server. Records already on the server are not affected.' + #13#10#13#10 +
      'Choose No to keep the data for a later installation.',
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{#DataFolder}');
    if DirExists(DataDir) and UserWantsDataDeleted() then
      DelTree(DataDir, True, True, True);
  end;
end;
